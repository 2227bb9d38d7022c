import "server-only";
// Better Auth checks request bodies with the same zod: its messages are the catalog's, whichever
// module the process loaded first (server/auth-gate.ts words them).
import "@/lib/zod";
import { betterAuth } from "better-auth";
import { APIError } from "better-auth/api";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { passwordLength } from "@/lib/access";
import { db } from "./db";
import { authBaseUrl, databaseKind, requireAuthSecret, servedOverHttp } from "./env";

function ownOrigin(request: Request): string {
  const host = request.headers.get("host") ?? new URL(request.url).host;
  const https = request.headers.get("x-forwarded-proto") === "https" || request.url.startsWith("https:");
  return `${https ? "https" : "http"}://${host}`;
}

function createAuth() {
  return betterAuth({
    secret: requireAuthSecret(),
    baseURL: authBaseUrl(),
    // The site's own origin, whatever name it is reached by; the proxy has already refused writes
    // whose Origin is not the Host they were sent to.
    trustedOrigins: (request) => (request ? [ownOrigin(request)] : []),
    database: prismaAdapter(db(), { provider: databaseKind() }),
    // Admins create accounts; nobody signs themselves up.
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: passwordLength.min,
      maxPasswordLength: passwordLength.max,
    },
    user: {
      additionalFields: {
        role: { type: "string", input: false, defaultValue: "viewer" },
        deactivatedAt: { type: "date", input: false, required: false },
        locale: { type: "string", input: false, required: false },
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    databaseHooks: {
      session: {
        create: {
          // Reached only once the password was right: a deactivated account is told so.
          async before(session) {
            const user = await db().user.findUnique({
              where: { id: session.userId },
              select: { deactivatedAt: true },
            });
            if (user?.deactivatedAt) {
              throw new APIError("FORBIDDEN", {
                code: "ACCOUNT_DEACTIVATED",
                message: "This account is deactivated. Ask an admin to reactivate it.",
              });
            }
          },
          async after(session) {
            await db().user.update({ where: { id: session.userId }, data: { lastSignInAt: new Date() } });
          },
        },
      },
    },
    // A flood limit per client address, counted in the database so that every app instance sees
    // the same requests. Failed sign-ins are throttled on their own, per account too (auth-gate.ts).
    // Better Auth's own sign-in rule (3 in 10 s per address) would count successes too: it is off.
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 300,
      customRules: { "/sign-in/email": false },
    },
    advanced: {
      // Session cookies are HttpOnly, SameSite=Lax and Secure (browsers accept Secure cookies on
      // http://localhost). Only a site deliberately served over plain HTTP, declared by
      // BETTER_AUTH_URL=http://…, gets cookies without Secure.
      useSecureCookies: !servedOverHttp(),
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
    },
    telemetry: { enabled: false },
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { auth?: Auth };

/** One Better Auth instance per process, created on first use (so `next build` needs no secret). */
export function auth(): Auth {
  globalForAuth.auth ??= createAuth();
  return globalForAuth.auth;
}
