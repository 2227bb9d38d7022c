import { NextResponse } from "next/server";
import { apiRoute } from "@/server/http";
import { openApiDocument } from "@/features/api";

export const GET = apiRoute("read", async () => NextResponse.json(openApiDocument()));
