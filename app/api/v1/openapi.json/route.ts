import { NextResponse } from "next/server";
import { apiRoute } from "@/features/api/http";
import { openApiDocument } from "@/features/api/openapi";

export const GET = apiRoute("read", async () => NextResponse.json(openApiDocument()));
