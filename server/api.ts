import "server-only";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { parseSearchParams, type ParamError, type RawSearchParams } from "@/lib/search-params";
import { isDatabaseBusy } from "./database-busy";

// Shared by every /api/v1 route: parameter checking and error answers in one shape,
// `{ "error": { "message": "…", "params": [{ "param": "…", "message": "…" }] } }`.

export function apiError(status: number, message: string, params?: ParamError[], headers?: HeadersInit) {
  return NextResponse.json({ error: { message, ...(params ? { params } : {}) } }, { status, headers });
}

/** A 400 naming each bad parameter. */
export function badParams(params: ParamError[]) {
  return apiError(400, params.map((p) => `${p.param}: ${p.message}`).join("; "), params);
}

function queryOf(url: URL): RawSearchParams {
  const query: RawSearchParams = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    query[key] = values.length === 1 ? values[0] : values;
  }
  return query;
}

/**
 * Reads a request's query string with `schema`. Parameters the endpoint does not know are refused
 * by name rather than ignored, so a typo ("stakeholders=") cannot silently widen a report.
 */
export function parseQuery<T extends z.ZodObject>(
  schema: T,
  request: Request,
): { ok: true; data: z.output<T> } | { ok: false; response: NextResponse } {
  const query = queryOf(new URL(request.url));
  const known = Object.keys(schema.shape);
  const unknown = Object.keys(query).filter((key) => !known.includes(key));
  if (unknown.length > 0) {
    const accepted = known.length ? `this endpoint takes: ${known.join(", ")}` : "this endpoint takes none";
    return {
      ok: false,
      response: badParams(unknown.map((param) => ({ param, message: `unknown parameter; ${accepted}` }))),
    };
  }
  const parsed = parseSearchParams(schema, query);
  return parsed.ok ? parsed : { ok: false, response: badParams(parsed.errors) };
}

/**
 * Wraps a handler so that an unexpected failure answers a plain 500 without internals (and is
 * logged), never a stack trace; a database too busy to answer in time, 503 with Retry-After.
 */
export function handled<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      if (isDatabaseBusy(error)) {
        const message = "The database is too busy to answer now. Nothing was saved: try again shortly.";
        return apiError(503, message, undefined, { "Retry-After": "5" });
      }
      console.error("API request failed", error);
      return apiError(500, "The server could not answer this request; it has been logged.");
    }
  };
}
