import { z } from "./zod";
import { outOfDayRange, parseIsoDay } from "./format";
import { invalid } from "./validation-message";

/** What Next.js hands a page as `searchParams`. */
export type RawSearchParams = Record<string, string | string[] | undefined>;

export interface ParamError {
  param: string;
  message: string;
}

/** A request whose parameters are wrong: the API answers 400 naming each, a page lists them. */
export class ParamsError extends Error {
  constructor(readonly params: ParamError[]) {
    super(params.map((p) => `${p.param}: ${p.message}`).join("; "));
  }
}

/** A query-string value that may repeat (`?status=a&status=b`), as a list; empty values dropped. */
export const repeatedParam = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value) => (value === undefined ? [] : (Array.isArray(value) ? value : [value]).filter((v) => v !== "")),
    z.array(item).max(20, invalid("atMostValues", { max: 20 })),
  );

/** A single query-string value: refuses repeats, treats "" as absent. */
export const singleParam = <T extends z.ZodType>(item: T) =>
  z.preprocess((value, ctx) => {
    if (Array.isArray(value)) {
      ctx.addIssue({ code: "custom", message: invalid("onlyOnce"), input: value });
      return z.NEVER;
    }
    return value === "" ? undefined : value;
  }, item.optional());

/**
 * A whole number from `min` to `max` given once, its messages naming the parameter (`name`). Out of
 * range is said alone: a huge number is not also called a fraction.
 */
export const countParam = (name: string, min: number, max: number) =>
  singleParam(
    z.coerce
      .number({ error: invalid("param.wholeNumber", { param: name }) })
      .min(min, { error: invalid("param.atLeast", { param: name, min }), abort: true })
      .max(max, { error: invalid("param.atMost", { param: name, max }), abort: true })
      .int(invalid("param.wholeNumber", { param: name })),
  );

/** A calendar date `YYYY-MM-DD` that exists, as midnight UTC. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, invalid("dateFormat"))
  .transform((text, ctx) => {
    const date = parseIsoDay(text);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) {
      ctx.addIssue({ code: "custom", message: invalid("notCalendarDate", { text }) });
      return z.NEVER;
    }
    const outside = outOfDayRange(date);
    if (outside) {
      ctx.addIssue({ code: "custom", message: outside });
      return z.NEVER;
    }
    return date;
  });

/** Parses with `schema`, turning every issue into "the parameter, and what is wrong with it". */
export function parseSearchParams<T extends z.ZodType>(
  schema: T,
  params: RawSearchParams,
): { ok: true; data: z.output<T> } | { ok: false; errors: ParamError[] } {
  const parsed = schema.safeParse(params);
  if (parsed.success) return { ok: true, data: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => ({
      param: String(issue.path[0] ?? "query"),
      message: issue.message,
    })),
  };
}

/** A page's path with its query string, to come back to after signing in. */
export function pathWithQuery(path: string, query: RawSearchParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value])
      search.append(key, item);
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}
