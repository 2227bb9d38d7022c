import { NextResponse } from "next/server";
import { parseJsonBody, writeErrorResponse } from "@/features/editing/api-body";
import { createPledge } from "@/features/editing/mutations";
import { pledgeCreateSchema } from "@/features/editing/schemas";
import { listPledges, pledgePageSize } from "@/features/pledges/queries";
import { getPledgeJson, pledgeJson } from "@/features/reports/queries";
import { pledgeListParams } from "@/features/reports/schemas";
import { guarded } from "@/server/access";
import { parseQuery } from "@/server/api";

export const GET = guarded("read", async (request: Request) => {
  const parsed = parseQuery(pledgeListParams, request);
  if (!parsed.ok) return parsed.response;
  const { asOf, knownAt, page = 1, pageSize = pledgePageSize, ...selection } = parsed.data;
  const result = await listPledges({ selection, time: { asOf, knownAt }, page, pageSize });
  return NextResponse.json({
    data: result.rows.map(pledgeJson),
    total: result.total,
    page: result.page,
    pageSize: result.pageSize,
  });
});

/** Adds a pledge with the evidence it rests on; answers 201 with the pledge and its address. */
export const POST = guarded("edit", async (request: Request, _context: unknown, principal) => {
  const body = await parseJsonBody(request, pledgeCreateSchema);
  if (!body.ok) return body.response;
  let id: string;
  try {
    id = (await createPledge(principal, body.data)).id;
  } catch (error) {
    return writeErrorResponse(error);
  }
  return NextResponse.json(
    { data: await getPledgeJson(id) },
    { status: 201, headers: { location: `/api/v1/pledges/${id}` } },
  );
});
