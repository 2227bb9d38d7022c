import "server-only";
import { NextResponse } from "next/server";
import type { z } from "zod";
import type { Permission, Principal } from "@/lib/access";
import { localeHeader } from "@/i18n/locale-header";
import { isLocale, type Locale } from "@/i18n/locales";
import { wordedIn } from "@/i18n/translate";
import { fieldErrors } from "@/lib/form-fields";
import { readJson } from "@/lib/json-input";
import { invalid } from "@/lib/validation-message";
import { ParamsError, parseSearchParams, type ParamError, type RawSearchParams } from "@/lib/search-params";
import { WriteError } from "@/lib/write-error";
import { authorizeApiRequest } from "./access";
import bodyLimits from "./body-limits.json";
import { isDatabaseBusy } from "./database-busy";
import { boundedText } from "./streams";

// The HTTP layer of /api/v1: routes read their input with parseQuery and parseJsonBody and throw
// what goes wrong; apiRoute checks who is calling and turns every error into one answer shape,
// `{ "error": { "message": "…", "params": [{ "param": "…", "message": "…" }] } }`.

/** How long, in seconds, a "not now" answer (503, 429) tells the caller to wait: one policy. */
export const retryAfterSeconds = 5;

/** An answer other than success, thrown by a route or by the readers below. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: {
      params?: ParamError[];
      headers?: HeadersInit;
      /** More members beside `error` (a conflict's current record). */
      body?: Record<string, unknown>;
    } = {},
  ) {
    super(message);
  }
}

/** A 404 for an address naming no pledge. */
export const noSuchPledge = (pledgeId: string) =>
  new ApiError(404, invalid("refusal.notFound", { what: "pledge", id: pledgeId }));

/** A 400 naming each bad parameter. */
const badParams = (params: ParamError[]) =>
  new ApiError(400, params.map((p) => `${p.param}: ${p.message}`).join("; "), { params });

/** A 503 or 429: nothing was done, ask again after Retry-After. */
export const notNow = (message: string, status: 429 | 503 = 503) =>
  new ApiError(status, message, { headers: { "retry-after": String(retryAfterSeconds) } });

/**
 * The language of an API answer's words: English, unless the request names one in its header (the
 * app's own pages do, so that a refusal they show reads in their reader's language).
 */
export function answerLocale(request: Request): Locale {
  const named = request.headers.get(localeHeader);
  return isLocale(named) ? named : "en";
}

function errorResponse(error: ApiError, locale: Locale): Response {
  const { params, headers, body } = error.extra;
  const wordedParams = params?.map((p) => ({ ...p, message: wordedIn(locale, p.message) }));
  const answer = NextResponse.json(
    {
      error: { message: wordedIn(locale, error.message), ...(wordedParams ? { params: wordedParams } : {}) },
      ...body,
    },
    { status: error.status, headers },
  );
  // Its words follow the header: a shared cache keeps each language's answer apart.
  answer.headers.append("vary", localeHeader);
  return answer;
}

/** The one mapping from what went wrong to what the caller is told; never a stack trace. */
export function responseFor(error: unknown, locale: Locale = "en"): Response {
  if (error instanceof ApiError) return errorResponse(error, locale);
  if (error instanceof ParamsError) return errorResponse(badParams(error.params), locale);
  if (error instanceof WriteError) return errorResponse(writeRefusal(error, locale), locale);
  if (isDatabaseBusy(error)) return errorResponse(notNow(invalid("refusal.databaseTooBusy")), locale);
  console.error("API request failed", error);
  return errorResponse(new ApiError(500, invalid("refusal.serverFailed")), locale);
}

/** A refused write: 404, 409 with the fields both people changed, 422 naming the fields, or 503. */
function writeRefusal(error: WriteError, locale: Locale): ApiError {
  const params = error.details.fields
    ? Object.entries(error.details.fields).map(([param, message]) => ({ param, message }))
    : undefined;
  if (error.status === 503) return notNow(error.message);
  // Each field both people changed, with the value the edit started from, yours and theirs.
  const conflicts = error.details.conflictsIn?.(locale).map(({ field, label, base, mine, theirs }) => ({
    field,
    label,
    base,
    mine,
    theirs,
  }));
  return new ApiError(error.status, error.message, {
    ...(params ? { params } : {}),
    ...(conflicts ? { body: { conflicts } } : {}),
  });
}

/** A write whose conflict (409) also answers with the record as it is now, read by `current`. */
export async function withCurrentOnConflict<T>(
  write: Promise<T>,
  current: () => Promise<unknown>,
  locale: Locale = "en",
): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (!(error instanceof WriteError) || error.status !== 409) throw error;
    const refusal = writeRefusal(error, locale);
    throw new ApiError(refusal.status, refusal.message, {
      ...refusal.extra,
      body: { ...refusal.extra.body, current: await current() },
    });
  }
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
 * A request's query string read with `schema`. Parameters the endpoint does not know are refused by
 * name rather than ignored, so a typo ("stakeholders=") cannot silently widen a report.
 */
export function parseQuery<T extends z.ZodObject>(schema: T, request: Request): z.output<T> {
  const query = queryOf(new URL(request.url));
  const known = Object.keys(schema.shape);
  const unknown = Object.keys(query).filter((key) => !known.includes(key));
  if (unknown.length > 0) {
    const takes = { count: known.length, accepted: known.join(", ") };
    throw badParams(unknown.map((param) => ({ param, message: invalid("refusal.unknownParameter", takes) })));
  }
  const parsed = parseSearchParams(schema, query);
  if (!parsed.ok) throw badParams(parsed.errors);
  return parsed.data;
}

/**
 * A JSON write body checked against `schema`: 400 when it is not JSON, 413 when too large, 422
 * naming each field that is wrong (the answer's `params` are the fields).
 */
export async function parseJsonBody<T extends z.ZodType>(request: Request, schema: T): Promise<z.output<T>> {
  const maxBytes = bodyLimits.apiJson;
  if (!/^application\/json\b/i.test(request.headers.get("content-type") ?? "")) {
    throw new ApiError(400, invalid("refusal.bodyNotJson"));
  }
  const raw = await boundedText(request, maxBytes);
  if (raw === null) throw new ApiError(413, invalid("refusal.bodyTooLarge", { kilobytes: maxBytes / 1024 }));
  const json = readJson(raw);
  if (!json.ok) throw new ApiError(400, json.message);
  const body = json.value;
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new ApiError(400, invalid("refusal.bodyNotObject"));
  }
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const params = Object.entries(fieldErrors(parsed.error)).map(([param, message]) => ({ param, message }));
  throw new ApiError(422, params.map((p) => `${p.param}: ${p.message}`).join("; "), { params });
}

type Handler<C, P> = (request: Request, context: C, principal: P) => Promise<Response>;

/**
 * An API route: the caller's permission checked first, then the handler, whose thrown errors become
 * answers (responseFor). The handler receives the principal: null only for an anonymous reader
 * under PUBLIC_READ.
 */
export function apiRoute<C>(
  permission: "edit" | "admin",
  handler: Handler<C, Principal>,
): (request: Request, context: C) => Promise<Response>;
export function apiRoute<C>(
  permission: "read",
  handler: Handler<C, Principal | null>,
): (request: Request, context: C) => Promise<Response>;
export function apiRoute<C>(permission: Permission, handler: Handler<C, Principal>) {
  return async (request: Request, context: C): Promise<Response> => {
    let principal: Principal | null = null;
    let response: Response;
    try {
      const access = await authorizeApiRequest(request, permission);
      if (!access.ok) throw new ApiError(access.status, access.message, { headers: access.headers });
      principal = access.principal;
      // Only reading can be anonymous (decideAccess): writers always have a principal here.
      response = await handler(request, context, principal as Principal);
    } catch (error) {
      response = responseFor(error, answerLocale(request));
    }
    // What a signed-in caller is told is theirs alone, errors included: no shared cache may keep it
    // (an answer that never changes may say so itself, privately).
    const own = response.headers.get("cache-control") ?? "";
    if (principal && !own.startsWith("private")) response.headers.set("cache-control", "private, no-store");
    return response;
  };
}

/**
 * A feed's route: a feed reader sends no cookies, so a personal feed address carries its owner's
 * read token as `token` (made on /account), read here as the bearer token it is, and left out of
 * the address the route sees (and so of every address the feed writes).
 */
export function feedTokenRoute(answer: (request: Request, context: unknown) => Promise<Response>) {
  return async (request: Request, context: unknown): Promise<Response> => {
    const url = new URL(request.url);
    const token = url.searchParams.get("token");
    if (token === null) return answer(request, context);
    url.searchParams.delete("token");
    const headers = new Headers(request.headers);
    headers.set("authorization", `Bearer ${token}`);
    return answer(new Request(url, { headers }), context);
  };
}

/** The headers of a request that say who sent it, to read a page with their rights. */
export function credentialsOf(headers: Headers): Record<string, string> {
  const passOn: Record<string, string> = {};
  for (const name of ["cookie", "authorization"]) {
    const value = headers.get(name);
    if (value) passOn[name] = value;
  }
  return passOn;
}

/** Whether a request's If-None-Match names `etag` (a list, weak or strong, or "*"). */
export function matchesEtag(request: Request, etag: string): boolean {
  const header = request.headers.get("if-none-match");
  if (!header) return false;
  // Compared weakly (RFC 9110 13.1.2): an answer sent compressed is the same file.
  const wanted = etag.replace(/^W\//, "");
  return header.trim() === "*" || header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === wanted);
}
