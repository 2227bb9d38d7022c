import { NextResponse } from "next/server";
import { apiRoute, parseJsonBody, parseQuery } from "@/server/http";
import { pledgeJson } from "@/features/api";
import { getPledgeJson } from "@/features/api/queries";
import { pledgeListParams } from "@/features/api/schemas";
import { createPledge } from "@/features/editing/mutations";
import { pledgeCreateSchema } from "@/features/editing/schemas";
import { listPledges, pledgePageSize } from "@/features/pledges/queries";
import { pledgeOrderOf } from "@/features/pledges";

export const GET = apiRoute("read", async (request: Request) => {
  const {
    asOf,
    knownAt,
    page = 1,
    pageSize = pledgePageSize,
    sort,
    dir,
    ...selection
  } = parseQuery(pledgeListParams, request);
  const order = pledgeOrderOf({ sort, dir });
  const result = await listPledges({ selection, time: { asOf, knownAt }, page, pageSize, order });
  return NextResponse.json({
    data: result.rows.map(pledgeJson),
    total: result.total,
    page: result.page,
    pageSize: result.pageSize,
  });
});

/** Adds a pledge with the evidence it rests on; answers 201 with the pledge and its address. */
export const POST = apiRoute("edit", async (request: Request, _context: unknown, principal) => {
  const { id } = await createPledge(principal, await parseJsonBody(request, pledgeCreateSchema));
  return NextResponse.json(
    { data: await getPledgeJson(id) },
    { status: 201, headers: { location: `/api/v1/pledges/${id}` } },
  );
});
