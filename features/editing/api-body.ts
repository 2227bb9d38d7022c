import "server-only";
import type { z } from "zod";
import { readJson } from "@/lib/json-input";
import { apiError } from "@/server/api";
import bodyLimits from "@/server/body-limits.json";
import { fieldErrors } from "@/lib/form-fields";
import { boundedText } from "@/server/streams";
import { WriteError } from "@/lib/write-error";

const maxBodyBytes = bodyLimits.apiJson;

/**
 * A JSON write body checked against `schema`: 400 when it is not JSON (or too large), 422 naming
 * each field that is wrong. The `params` of the answer are the fields.
 */
export async function parseJsonBody<T extends z.ZodType>(
  request: Request,
  schema: T,
): Promise<{ ok: true; data: z.output<T> } | { ok: false; response: Response }> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) {
    return {
      ok: false,
      response: apiError(400, "Send the body as JSON, with Content-Type: application/json."),
    };
  }
  const raw = await boundedText(request, maxBodyBytes);
  if (raw === null) {
    return { ok: false, response: apiError(413, `The body is larger than ${maxBodyBytes / 1024} KB.`) };
  }
  const json = readJson(raw);
  if (!json.ok) return { ok: false, response: apiError(400, json.message) };
  const body = json.value;
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { ok: false, response: apiError(400, "The body must be a JSON object.") };
  }
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, data: parsed.data };
  const fields = Object.entries(fieldErrors(parsed.error)).map(([param, message]) => ({ param, message }));
  return {
    ok: false,
    response: apiError(422, fields.map((f) => `${f.param}: ${f.message}`).join("; "), fields),
  };
}

/** The answer to a refused write: 404, 409 with the current record, or 422 naming the fields. */
export async function writeErrorResponse(
  error: unknown,
  current?: () => Promise<unknown>,
): Promise<Response> {
  if (!(error instanceof WriteError)) throw error;
  const fields = error.details.fields
    ? Object.entries(error.details.fields).map(([param, message]) => ({ param, message }))
    : undefined;
  const response = apiError(
    error.status,
    error.message,
    fields,
    error.status === 503 ? { "retry-after": "60" } : undefined,
  );
  if (error.status !== 409 || !current) return response;
  const body = (await response.json()) as { error: object };
  // Each field both people changed, with the value the edit started from, yours and theirs.
  const conflicts = error.details.conflicts?.map(({ field, label, base, mine, theirs }) => ({
    field,
    label,
    base,
    mine,
    theirs,
  }));
  return Response.json(
    { ...body, ...(conflicts ? { conflicts } : {}), current: await current() },
    { status: 409 },
  );
}
