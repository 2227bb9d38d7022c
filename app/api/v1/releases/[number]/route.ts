import { NextResponse } from "next/server";
import { noParams } from "@/features/api/schemas";
import { loadReleasePage, releaseJson } from "@/features/releases";
import { noSuchRelease, releaseNumber } from "@/features/releases/schemas";
import { publicOrigin } from "@/server/env";
import { ApiError, apiRoute, parseQuery } from "@/server/http";

type Context = RouteContext<"/api/v1/releases/[number]">;

/** A release: its addresses and files, what moved since the release before, and its corrections. */
export const GET = apiRoute("read", async (request: Request, { params }: Context) => {
  parseQuery(noParams, request);
  const { number } = await params;
  const parsed = releaseNumber.safeParse(number);
  const page = parsed.success ? await loadReleasePage(parsed.data) : null;
  if (!page) throw new ApiError(404, noSuchRelease(number));
  return NextResponse.json({ data: releaseJson(page, publicOrigin() ?? new URL(request.url).origin) });
});
