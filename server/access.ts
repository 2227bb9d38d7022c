import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { decideAccess, roles, type Permission, type Principal, type Role } from "@/lib/access";
import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import { invalid } from "@/lib/validation-message";
import { apiTokenHolder } from "./api-tokens";
import { auth } from "./auth";
import { readAccessVersion } from "./data-version";
import { db } from "./db";
import { publicReadEnabled } from "./env";

// Authorisation is checked here, on the server, by every page, action and API route that reads or
// writes: never only in a layout or the proxy.

export class AccessError extends Error {
  constructor(
    readonly decision: "unauthenticated" | "forbidden",
    message: string,
  ) {
    super(message);
  }
}

// References to the catalog (lib/validation-message.ts): an action or an API answer words them for its reader.
const messages = {
  unauthenticated: invalid("refusal.signInFirst"),
  forbidden: {
    read: invalid("refusal.roleCannotRead"),
    edit: invalid("refusal.roleCannotEdit"),
    admin: invalid("refusal.onlyAdmins"),
  },
};

function asRole(value: unknown): Role {
  return roles.includes(value as Role) ? (value as Role) : "viewer";
}

/** Who sent these headers: a bearer token if one is given (and must be valid), else the session. */
async function principalFrom(requestHeaders: Headers): Promise<Principal | null | "bad-token"> {
  const authorization = requestHeaders.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match?.[1]) return "bad-token";
    const token = match[1];
    return (await kept(`token ${token}`, () => apiTokenHolder(db(), token))) ?? "bad-token";
  }
  const cookie = requestHeaders.get("cookie");
  if (!cookie) return null;
  return kept(`cookie ${cookie}`, async () => {
    const session = await auth().api.getSession({ headers: requestHeaders });
    if (!session) return null;
    const user = session.user as {
      id: string;
      name: string;
      role?: unknown;
      deactivatedAt?: unknown;
      locale?: string | null;
    };
    // Deactivation deletes sessions; one created in the same instant must not outlive it.
    if (user.deactivatedAt) return null;
    return {
      principal: {
        kind: "user",
        id: user.id,
        name: user.name,
        role: asRole(user.role),
        locale: user.locale ?? null,
      },
      keepUntil: new Date(session.session.expiresAt).getTime(),
    };
  });
}

// Who a credential stands for is a database read (a token, or a session and its user), and was the
// largest part of answering a kept page. So the answer is kept per credential (by its digest) while
// no account, session or token has been written since, from any process (the access version, moved
// by the database's triggers: a sign-out, revocation, deactivation or change of role counts at
// once), for at most a minute, and never past the session's or token's expiry. Unknown credentials
// are looked up each time.
const principals = new LRUCache<string, { principal: Principal; accessVersion: number; until: number }>({
  max: 1000,
});
const keptAtMostMs = 60_000;

async function kept(
  credential: string,
  lookUp: () => Promise<{ principal: Principal; keepUntil: number } | null>,
): Promise<Principal | null> {
  const key = createHash("sha256").update(credential).digest("base64url");
  const accessVersion = await readAccessVersion();
  const held = principals.get(key);
  if (held && held.accessVersion === accessVersion && Date.now() < held.until) return held.principal;
  // The version read before the lookup: a write made meanwhile makes the next request look up again.
  const found = await lookUp();
  if (!found) {
    principals.delete(key);
    return null;
  }
  const until = Math.min(found.keepUntil, Date.now() + keptAtMostMs);
  principals.set(key, { principal: found.principal, accessVersion, until });
  return found.principal;
}

/** The signed-in user (or token) of the current page request, looked up once per request. */
export const currentPrincipal = cache(async (): Promise<Principal | null> => {
  const found = await principalFrom(await headers());
  return found === "bad-token" ? null : found;
});

const publicRead = () => publicReadEnabled();

/** Whether the current page request may read (for metadata, which cannot redirect). */
export async function mayRead(): Promise<boolean> {
  return decideAccess(await currentPrincipal(), "read", publicRead()) === "allowed";
}

/** For pages: sends anonymous visitors to sign in and answers 403 to a role without the permission. */
export async function requirePagePermission(
  permission: Permission,
  returnTo: string,
): Promise<Principal | null> {
  const principal = await currentPrincipal();
  const decision = decideAccess(principal, permission, publicRead());
  if (decision === "unauthenticated") redirect(`/login?next=${encodeURIComponent(returnTo)}`);
  if (decision === "forbidden") forbidden();
  return principal;
}

/** For server actions: the principal, or an AccessError the action turns into a message. */
export async function requireActionPermission(permission: Permission): Promise<Principal> {
  const principal = await currentPrincipal();
  const decision = decideAccess(principal, permission, false);
  if (decision === "unauthenticated") throw new AccessError(decision, messages.unauthenticated);
  if (decision === "forbidden" || !principal)
    throw new AccessError("forbidden", messages.forbidden[permission]);
  return principal;
}

/** For API routes: the principal (null for a public reader), or the refusal to answer with. */
export async function authorizeApiRequest(
  request: Request,
  permission: Permission,
): Promise<
  | { ok: true; principal: Principal | null }
  | { ok: false; status: 401 | 403; message: string; headers?: Record<string, string> }
> {
  const found = await principalFrom(request.headers);
  if (found === "bad-token") {
    return {
      ok: false,
      status: 401,
      message: invalid("refusal.tokenNotValid"),
      headers: { "WWW-Authenticate": 'Bearer error="invalid_token"' },
    };
  }
  const decision = decideAccess(found, permission, publicRead());
  if (decision === "unauthenticated") {
    return {
      ok: false,
      status: 401,
      message: messages.unauthenticated,
      headers: { "WWW-Authenticate": "Bearer" },
    };
  }
  if (decision === "forbidden") return { ok: false, status: 403, message: messages.forbidden[permission] };
  return { ok: true, principal: found };
}
