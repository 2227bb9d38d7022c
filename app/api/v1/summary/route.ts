import { NextResponse } from "next/server";
import { apiRoute, parseQuery } from "@/server/http";
import { figureParams, figureViewOf, loadSummaryAnswer } from "@/features/figures";

export const GET = apiRoute("read", async (request: Request) =>
  NextResponse.json(await loadSummaryAnswer(figureViewOf(parseQuery(figureParams, request)))),
);
