import { NextResponse } from "next/server";
import { parseJsonBody, writeErrorResponse } from "@/features/editing/api-body";
import { recordPledgeStatus } from "@/features/editing/mutations";
import { pledgeStatusUpdateSchema } from "@/features/editing/schemas";
import { pledgeIdSchema } from "@/features/pledges/schemas";
import { getPledgeJson } from "@/features/reports/queries";
import { guarded } from "@/server/access";
import { apiError } from "@/server/api";

/** Records a status change with its note and cited source; 409 if `version` is no longer current. */
export const POST = guarded(
  "edit",
  async (request: Request, { params }: RouteContext<"/api/v1/pledges/[pledgeId]/status">, principal) => {
    const { pledgeId } = await params;
    const id = pledgeIdSchema.safeParse(pledgeId);
    if (!id.success) return apiError(404, `There is no pledge with id "${pledgeId}".`);
    const body = await parseJsonBody(request, pledgeStatusUpdateSchema);
    if (!body.ok) return body.response;
    try {
      await recordPledgeStatus(principal, id.data, body.data);
    } catch (error) {
      return writeErrorResponse(error, () => getPledgeJson(id.data));
    }
    return NextResponse.json({ data: await getPledgeJson(id.data) });
  },
);
