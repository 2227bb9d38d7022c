import { NextResponse } from "next/server";
import { apiRoute, parseQuery } from "@/server/http";
import { listStakeholderRecords } from "@/features/api/queries";
import { noParams } from "@/features/api/schemas";

export const GET = apiRoute("read", async (request: Request) => {
  parseQuery(noParams, request);
  return NextResponse.json({ data: await listStakeholderRecords() });
});
