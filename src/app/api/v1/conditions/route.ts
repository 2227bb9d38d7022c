import { NextResponse } from "next/server";
import { listConditionRecords } from "@/features/reports/queries";
import { noParams } from "@/features/reports/schemas";
import { handled, parseQuery } from "@/server/api";

export const GET = handled(async (request: Request) => {
  const parsed = parseQuery(noParams, request);
  if (!parsed.ok) return parsed.response;
  return NextResponse.json({ data: await listConditionRecords() });
});
