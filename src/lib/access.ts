// Who may do what: one rule used by pages, server actions and API routes alike.

export const roles = ["viewer", "analyst", "admin"] as const;
export type Role = (typeof roles)[number];

/** read: dashboard, pledges, exports. edit: create, change and delete records. admin: users and API tokens. */
export type Permission = "read" | "edit" | "admin";

const leastRoleFor: Record<Permission, Role> = { read: "viewer", edit: "analyst", admin: "admin" };

export const accountRoleLabels: Record<Role, string> = {
  viewer: "Viewer (read and export)",
  analyst: "Analyst (also edit)",
  admin: "Admin (also users and tokens)",
};

/** Someone signed in, a script holding an API token, or a command run on the server itself. */
export type Principal = {
  kind: "user" | "token" | "system";
  id: string;
  name: string;
  role: Role;
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
  if (url.origin !== ownSite || value.startsWith("//")) return fallback;
  return url.pathname + url.search + url.hash;
}
