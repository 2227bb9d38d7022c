import { NextResponse } from "next/server";
import { listPledges, pledgePageSize } from "@/features/pledges/queries";
import { pledgeJson } from "@/features/reports/queries";
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
