import "server-only";
import { readJson } from "@/lib/json-input";
import { waitInWords } from "@/lib/sign-in-throttle";
import { requestLocale, type Locale } from "@/i18n/locales";
import { translator, wordedIn } from "@/i18n/translate";
import { invalid } from "@/lib/validation-message";
import { auth } from "./auth";
import bodyLimits from "./body-limits.json";
import { db } from "./db";
import { admitSignIn, clientAddressOf, settleAttempt, throttleKeys } from "./sign-in-failures";
import { boundedText } from "./streams";

// What reaches Better Auth over HTTP: only the endpoints Pledgewatch uses (profile changes go
// through our own audited actions, so update-user and the rest answer 404), with bodies checked
// for size and nesting before Better Auth parses them, and failed sign-ins throttled.

const endpoints: Record<string, readonly string[]> = {
  GET: ["/get-session"],
  POST: ["/sign-in/email", "/sign-out"],
};

/** Better Auth's own error shape, which its browser client reads. */
const authError = (status: number, code: string, message: string, headers?: HeadersInit) =>
  Response.json({ code, message }, { status, headers: { "cache-control": "no-store", ...headers } });

/** Too many tries: how long to wait, said to the person at the sign-in form in their language. */
const tooMany = (wait: number, locale: Locale) =>
  authError(
    429,
    "TOO_MANY_REQUESTS",
    translator(locale)("auth.tooMany", { wait: waitInWords(wait, locale) }),
    {
      "retry-after": String(wait),
    },
  );

export async function handleAuthRequest(request: Request): Promise<Response> {
  // Said to the person at the sign-in form, in the language their pages are in.
  const locale = requestLocale(request, null);
  const say = (message: string) => wordedIn(locale, message);
  const path = new URL(request.url).pathname.replace(/^\/api\/auth(?=\/)/, "");
  if (!endpoints[request.method]?.includes(path)) {
    return authError(404, "NOT_FOUND", say(invalid("refusal.noSignInEndpoint")));
  }
  if (request.method === "GET") return inWords(await auth().handler(request), locale);

  const raw = await boundedText(request, bodyLimits.auth);
  if (raw === null) {
    return authError(
      413,
      "BODY_TOO_LARGE",
      say(invalid("refusal.bodyTooLarge", { kilobytes: bodyLimits.auth / 1024 })),
    );
  }
  let body: unknown = {};
  if (raw.trim() !== "") {
    const json = readJson(raw);
    if (!json.ok) return authError(400, "INVALID_BODY", say(json.message));
    body = json.value;
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
      return authError(400, "INVALID_BODY", say(invalid("refusal.bodyNotObject")));
    }
  }
  const forwarded = new Request(request.url, { method: "POST", headers: request.headers, body: raw });
  if (path !== "/sign-in/email") return inWords(await auth().handler(forwarded), locale);

  const email = (body as { email?: unknown }).email;
  if (typeof email !== "string" || email.length > 254) {
    return authError(400, "INVALID_EMAIL", say(invalid("refusal.sendEmail")));
  }
  const keys = throttleKeys(email, clientAddressOf(request.headers));
  const admission = await admitSignIn(db(), keys);
  if (!admission.admitted) return tooMany(admission.retryAfterSeconds, locale);
  const response = await inWords(await auth().handler(forwarded), locale);
  await settleAttempt(
    db(),
    keys,
    // A deactivated account (403) counts like a wrong password: it is still a try at the password.
    response.status === 401 || response.status === 403
      ? "wrong-password"
      : response.ok
        ? "signed-in"
        : "not-a-guess",
  );
  return response;
}

/**
 * Better Auth's answer, its refusals worded in `locale`: the body checks it makes with zod say what
 * is wrong as catalog references (lib/zod.ts), as ours do; its own flood limit (a 429) is said as
 * ours is, with how long to wait.
 */
async function inWords(response: Response, locale: Locale): Promise<Response> {
  if (response.status === 429) {
    return tooMany(
      Number(response.headers.get("x-retry-after") ?? response.headers.get("retry-after")) || 60,
      locale,
    );
  }
  if (response.status !== 400 || !response.headers.get("content-type")?.includes("json")) return response;
  const body = (await response
    .clone()
    .json()
    .catch(() => null)) as { message?: unknown } | null;
  if (typeof body?.message !== "string") return response;
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  return Response.json({ ...body, message: wordedIn(locale, body.message) }, { status: 400, headers });
}
