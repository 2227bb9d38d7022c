// Who may do what: one rule used by pages, server actions and API routes alike.

export const roles = ["viewer", "analyst", "admin"] as const;
export type Role = (typeof roles)[number];

/** read: dashboard, pledges, exports. edit: create, change and delete records. admin: users and API tokens. */
export type Permission = "read" | "edit" | "admin";

const leastRoleFor: Record<Permission, Role> = { read: "viewer", edit: "analyst", admin: "admin" };

/** Someone signed in, a script holding an API token, or a command run on the server itself. */
export type Principal = {
  kind: "user" | "token" | "system";
  id: string;
  name: string;
  role: Role;
  /** The language a user account chose (i18n/locales.ts); none for tokens or a user who follows the browser. */
  locale?: string | null;
};

export type AccessDecision = "allowed" | "unauthenticated" | "forbidden";

export function roleAllows(role: Role, permission: Permission): boolean {
  return roles.indexOf(role) >= roles.indexOf(leastRoleFor[permission]);
}

/**
 * `publicRead` (the PUBLIC_READ setting) lets anonymous visitors read, never write: anonymous
 * writers are still asked to sign in rather than told they are forbidden.
 */
export function decideAccess(
  principal: Principal | null,
  permission: Permission,
  publicRead: boolean,
): AccessDecision {
  if (!principal) return permission === "read" && publicRead ? "allowed" : "unauthenticated";
  return roleAllows(principal.role, permission) ? "allowed" : "forbidden";
}

/** How long a password may be: accounts, the first admin from the environment, Better Auth's own check. */
export const passwordLength = { min: 12, max: 128 } as const;

/** How long a new API token works, in days: chosen at creation, 90 unless said otherwise. */
export const tokenLifetimes = [7, 30, 90, 180, 365] as const;
export type TokenLifetime = (typeof tokenLifetimes)[number];
export const defaultTokenLifetime: TokenLifetime = 90;

/** When a token made at `createdAt` to last `days` days stops working. */
export function tokenExpiry(createdAt: Date, days: TokenLifetime): Date {
  return new Date(createdAt.getTime() + days * 86_400_000);
}

/**
 * When a token stops working. Tokens made before tokens had an expiry last the default lifetime from
 * their creation, like any other.
 */
export function tokenExpiresAt(token: { createdAt: Date; expiresAt: Date | null }): Date {
  return token.expiresAt ?? tokenExpiry(token.createdAt, defaultTokenLifetime);
}

/** Whether a token can still be used at `now`: not revoked, not past its expiry. */
export function tokenUsable(
  token: { createdAt: Date; revokedAt: Date | null; expiresAt: Date | null },
  now: Date,
): boolean {
  return !token.revokedAt && tokenExpiresAt(token) > now;
}

/** How a record names who wrote it, kept in words so that it survives the account. */
export function actorLabel(principal: Principal): string {
  return principal.kind === "token" ? `API token “${principal.name}”` : principal.name;
}

const ownSite = "http://pledgewatch.invalid";

/**
 * Where to go after signing in: a path on this site, normalised, or the dashboard. The value is read
 * as a browser would read it against this site (which drops tabs and line breaks and takes `\` for
 * `/`), and anything that would then name another origin is refused, as is any control character.
 */
export function safeReturnPath(value: unknown): string {
  const fallback = "/dashboard";
  if (typeof value !== "string" || !value.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(value)) {
    return fallback;
  }
  let url: URL;
  try {
    url = new URL(value, ownSite);
  } catch {
    return fallback;
  }
  // Dot segments can turn "/.//evil.example" into the path "//evil.example": judge the result too.
  if (url.origin !== ownSite || value.startsWith("//") || url.pathname.startsWith("//")) return fallback;
  return url.pathname + url.search + url.hash;
}
