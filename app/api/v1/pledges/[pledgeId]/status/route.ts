import { NextResponse } from "next/server";
import { answerLocale, apiRoute, noSuchPledge, parseJsonBody, withCurrentOnConflict } from "@/server/http";
import { getPledgeJson } from "@/features/api/queries";
import { recordPledgeStatus } from "@/features/editing/mutations";
import { pledgeStatusUpdateSchema } from "@/features/editing/schemas";
import { pledgeIdSchema } from "@/features/pledges/schemas";

/** Records a status change with its note and cited source; 409 if `version` is no longer current. */
export const POST = apiRoute(
  "edit",
  async (request: Request, { params }: RouteContext<"/api/v1/pledges/[pledgeId]/status">, principal) => {
    const { pledgeId } = await params;
    const id = pledgeIdSchema.safeParse(pledgeId);
    if (!id.success) throw noSuchPledge(pledgeId);
    const update = await parseJsonBody(request, pledgeStatusUpdateSchema);
    await withCurrentOnConflict(
      recordPledgeStatus(principal, id.data, update),
      () => getPledgeJson(id.data),
      answerLocale(request),
    );
    return NextResponse.json({ data: await getPledgeJson(id.data) });
  },
);
