import { NextResponse } from "next/server";
import { listConditionRecords } from "@/features/reports/queries";
import { noParams } from "@/features/reports/schemas";
import { guarded } from "@/server/access";
import { parseQuery } from "@/server/api";

export const GET = guarded("read", async (request: Request) => {
  const parsed = parseQuery(noParams, request);
  if (!parsed.ok) return parsed.response;
  return NextResponse.json({ data: await listConditionRecords() });
});
