import { NextResponse } from "next/server";
import { openApiDocument } from "@/features/reports/openapi";
import { guarded } from "@/server/access";

export const GET = guarded("read", async () => NextResponse.json(openApiDocument()));
