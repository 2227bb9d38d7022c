import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, isSameOriginWrite } from "@/lib/request-guards";
import { developmentMode, publicReadEnabled, servedOverHttps } from "@/server/env";
import { claimsPageRender } from "@/server/page-render";
import { keptPage } from "@/server/rendered-pages";
import { dashboardParamsSchema } from "@/features/dashboard/schemas";

// Runs before every page and API request. It does not decide who may do what (pages, actions and
// routes check that themselves); it refuses cross-site writes and sets the per-request CSP.

/** The pages answered from those kept rendered (server/rendered-pages.ts), with the parameters they read. */
const keptPaths = new Map([["/dashboard", new Set(Object.keys(dashboardParamsSchema.shape))]]);

export async function proxy(request: NextRequest) {
  const unsafe = !["GET", "HEAD", "OPTIONS"].includes(request.method);
  // X-Forwarded-Proto is the socket's or a trusted proxy's (server.mjs drops a client's own claim);
  // BETTER_AUTH_URL, when set, says how the site is served.
  const https =
    servedOverHttps() ||
    request.nextUrl.protocol === "https:" ||
    request.headers.get("x-forwarded-proto") === "https";
  // A browser write that rides on the session cookie must come from this site. Next.js would answer
  // a cross-origin server action with a 500; API scripts using a bearer token carry no ambient
  // credentials and are exempt.
  if (unsafe && !request.headers.get("authorization")?.toLowerCase().startsWith("bearer ")) {
    const verdict = isSameOriginWrite(
      request.headers.get("origin"),
      request.headers.get("host"),
      https ? "https" : "http",
    );
    if (verdict !== "same-origin") {
      const message =
        verdict === "missing"
          ? "This write needs an Origin header from this site."
          : "Cross-origin writes are refused.";
      return NextResponse.json({ error: { message } }, { status: 403 });
    }
  }

  // Anonymous visitors to a page go to sign-in here, before any streaming starts (a page with a
  // loading state would otherwise answer 200 and redirect in the browser). Only a hint: every page
  // checks the session itself.
  if (
    !unsafe &&
    isPage(request.nextUrl.pathname) &&
    !getSessionCookie(request) &&
    !request.headers.get("authorization") &&
    !publicReadEnabled()
  ) {
    const next = request.nextUrl.pathname + request.nextUrl.search;
    return NextResponse.redirect(new URL(`/login?next=${encodeURIComponent(next)}`, request.url), 307);
  }

  const nonce = crypto.randomUUID().replaceAll("-", "");
  const csp = contentSecurityPolicy(nonce, developmentMode());
  const kept = claimsPageRender(request.headers) ? null : await keptPage(request, nonce, keptPaths);
  const requestHeaders = new Headers(request.headers);
  // Next.js reads the nonce from the request's CSP and puts it on its own scripts.
  requestHeaders.set("content-security-policy", csp);
  const response = kept ?? NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  if (https) response.headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  return response;
}

/**
 * Pages that need a signed-in reader (not the API nor the feeds, which answer 401 to a reader that
 * is not a browser, nor sign-in itself).
 */
function isPage(path: string): boolean {
  return (
    !path.startsWith("/api/") &&
    !path.startsWith("/feeds/") &&
    path !== "/login" &&
    !path.startsWith("/_next/")
  );
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|icon.svg).*)" }],
};
