import { NextResponse } from "next/server";
import { parseJsonBody, writeErrorResponse } from "@/features/editing/api-body";
import { updatePledge } from "@/features/editing/mutations";
import { pledgePatchSchema } from "@/features/editing/schemas";
import { pledgeIdSchema } from "@/features/pledges/schemas";
import { getPledgeJson } from "@/features/reports/queries";
import { noParams } from "@/features/reports/schemas";
import { guarded } from "@/server/access";
import { apiError, parseQuery } from "@/server/api";

type Context = RouteContext<"/api/v1/pledges/[pledgeId]">;

const missing = (pledgeId: string) => apiError(404, `There is no pledge with id "${pledgeId}".`);

export const GET = guarded("read", async (request: Request, { params }: Context) => {
  const parsed = parseQuery(noParams, request);
  if (!parsed.ok) return parsed.response;
  const { pledgeId } = await params;
  const id = pledgeIdSchema.safeParse(pledgeId);
  const pledge = id.success ? await getPledgeJson(id.data) : null;
  if (!pledge) return missing(pledgeId);
  return NextResponse.json({ data: pledge });
});

/** Changes the fields named in the body, if `version` is still the pledge's version (else 409). */
export const PATCH = guarded("edit", async (request: Request, { params }: Context, principal) => {
  const { pledgeId } = await params;
  const id = pledgeIdSchema.safeParse(pledgeId);
  if (!id.success) return missing(pledgeId);
  const body = await parseJsonBody(request, pledgePatchSchema);
  if (!body.ok) return body.response;
  try {
    await updatePledge(principal, id.data, body.data);
  } catch (error) {
    return writeErrorResponse(error, () => getPledgeJson(id.data));
  }
  return NextResponse.json({ data: await getPledgeJson(id.data) });
});
