import { NextResponse } from "next/server";
import { noParams } from "@/features/api/schemas";
import { listReleases, loadReleasePage, releaseHeaderJson, releaseJson } from "@/features/releases";
import { briefingPrinter, publishRelease } from "@/features/releases/mutations";
import { releaseSchema } from "@/features/releases/schemas";
import { actorLabel } from "@/lib/access";
import { publicOrigin } from "@/server/env";
import { apiRoute, credentialsOf, parseJsonBody, parseQuery } from "@/server/http";

/** Every release, newest first, with its addresses and its files' checksums. */
export const GET = apiRoute("read", async (request: Request) => {
  parseQuery(noParams, request);
  const origin = publicOrigin() ?? new URL(request.url).origin;
  const releases = await listReleases();
  return NextResponse.json({ data: releases.map((release) => releaseHeaderJson(release, origin)) });
});

/**
 * Publishes a release of what the tracker knows now (analysts): `title`, and `notes`. Answers 201
 * with the release and its address in `Location`, once every file of it is stored.
 */
export const POST = apiRoute("edit", async (request: Request, _context: unknown, principal) => {
  const input = await parseJsonBody(request, releaseSchema);
  const origin = publicOrigin() ?? new URL(request.url).origin;
  const number = await publishRelease(principal, input, {
    origin,
    print: briefingPrinter(actorLabel(principal), origin, credentialsOf(request.headers)),
  });
  const json = releaseJson((await loadReleasePage(number))!, origin);
  return NextResponse.json({ data: json }, { status: 201, headers: { location: json.links.api } });
});
