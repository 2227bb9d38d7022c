import { NextResponse } from "next/server";
import { ApiError, apiRoute } from "@/server/http";
import { benchBaselineEnabled } from "@/server/env";
import { invalid } from "@/lib/validation-message";

/**
 * The bench's yardstick for the API: a route that checks the reader as every API route does and
 * answers a fixed JSON document. Exists only when BENCH_BASELINE=1.
 */
export const GET = apiRoute("read", async () => {
  if (!benchBaselineEnabled()) throw new ApiError(404, invalid("refusal.noSuchRoute"));
  return NextResponse.json({ data: { ok: true } });
});
