import { NextResponse } from "next/server";
import { openApiDocument } from "@/features/reports/openapi";

export function GET() {
  return NextResponse.json(openApiDocument());
}
