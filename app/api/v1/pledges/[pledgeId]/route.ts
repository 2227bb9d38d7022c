import { NextResponse } from "next/server";
import {
  noSuchPledge,
  answerLocale,
  apiRoute,
  parseJsonBody,
  parseQuery,
  withCurrentOnConflict,
} from "@/server/http";
import { getPledgeJson } from "@/features/api/queries";
import { noParams } from "@/features/api/schemas";
import { updatePledge } from "@/features/editing/mutations";
import { pledgePatchSchema } from "@/features/editing/schemas";
import { pledgeIdSchema } from "@/features/pledges/schemas";

type Context = RouteContext<"/api/v1/pledges/[pledgeId]">;

/** The pledge id from the address, or 404 for one that cannot exist. */
async function pledgeIdOf({ params }: Context): Promise<string> {
  const { pledgeId } = await params;
  const id = pledgeIdSchema.safeParse(pledgeId);
  if (!id.success) throw noSuchPledge(pledgeId);
  return id.data;
}

export const GET = apiRoute("read", async (request: Request, context: Context) => {
  parseQuery(noParams, request);
  const id = await pledgeIdOf(context);
  const pledge = await getPledgeJson(id);
  if (!pledge) throw noSuchPledge(id);
  return NextResponse.json({ data: pledge });
});

/** Changes the fields named in the body, if `version` is still the pledge's version (else 409). */
export const PATCH = apiRoute("edit", async (request: Request, context: Context, principal) => {
  const id = await pledgeIdOf(context);
  const patch = await parseJsonBody(request, pledgePatchSchema);
  await withCurrentOnConflict(
    updatePledge(principal, id, patch),
    () => getPledgeJson(id),
    answerLocale(request),
  );
  return NextResponse.json({ data: await getPledgeJson(id) });
});
