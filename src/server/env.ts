import path from "node:path";
import { z } from "zod";

const databaseUrlSchema = z
  .string({
    error:
      "DATABASE_URL is not set. Copy .env.example to .env, or export DATABASE_URL=file:./data/pledgewatch.db",
  })
  .trim()
  .min(1, {
    error: "DATABASE_URL is empty. Set it to a SQLite file URL such as file:./data/pledgewatch.db",
    abort: true,
  })
  .refine((url) => url.startsWith("file:") || /^postgres(ql)?:\/\/./.test(url), {
    message:
      "DATABASE_URL must be a SQLite file URL (file:./data/pledgewatch.db) or a PostgreSQL URL (postgresql://user:password@host:5432/pledgewatch)",
  });

export type DatabaseKind = "sqlite" | "postgresql";

/** Which database a (validated) URL names: the embedded SQLite file, or a PostgreSQL server. */
export function databaseKind(url: string = requireDatabaseUrl()): DatabaseKind {
  return url.startsWith("file:") ? "sqlite" : "postgresql";
}

/** The database URL, validated; throws an error that names the variable and the fix. */
export function requireDatabaseUrl(env: Record<string, string | undefined> = process.env): string {
  const parsed = databaseUrlSchema.safeParse(env.DATABASE_URL);
  if (!parsed.success) {
    throw new Error(`Invalid environment: ${parsed.error.issues.map((issue) => issue.message).join("; ")}`);
  }
  return parsed.data;
}

/** The filesystem path of a `file:` database URL, relative paths resolved from the working directory. */
export function sqlitePath(url: string): string {
  if (databaseKind(url) !== "sqlite")
    throw new Error(`Not a SQLite file URL: ${url.replace(/\/\/[^@]*@/, "//…@")}`);
  return url.replace(/^file:/, "").replace(/\?.*$/, "");
}

const authSecretSchema = z
  .string({
    error:
      "BETTER_AUTH_SECRET is not set. `npm run up` writes one into .env; elsewhere set it to 32+ random characters (openssl rand -base64 32)",
  })
  .min(32, { error: "BETTER_AUTH_SECRET must be at least 32 characters (openssl rand -base64 32)" });

/** The secret that signs session cookies; throws naming the variable and the fix. */
export function requireAuthSecret(env: Record<string, string | undefined> = process.env): string {
  const parsed = authSecretSchema.safeParse(env.BETTER_AUTH_SECRET);
  if (!parsed.success) throw new Error(`Invalid environment: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/** PUBLIC_READ=true lets anonymous visitors read the dashboard, pledges and exports. Off by default. */
export function publicReadEnabled(env: Record<string, string | undefined> = process.env): boolean {
  const value = env.PUBLIC_READ?.trim().toLowerCase();
  if (value === undefined || value === "" || value === "false" || value === "0") return false;
  if (value === "true" || value === "1") return true;
  throw new Error(`Invalid environment: PUBLIC_READ must be "true" or "false", not "${env.PUBLIC_READ}"`);
}

const adminSchema = z.object({
  email: z.email({ error: "ADMIN_EMAIL must be an email address" }),
  password: z.string().min(12, { error: "ADMIN_PASSWORD must be at least 12 characters" }).max(128),
});

/** The first admin from ADMIN_EMAIL/ADMIN_PASSWORD; null when neither is set. */
export function bootstrapAdminFromEnv(
  env: Record<string, string | undefined> = process.env,
): { email: string; password: string } | null {
  if (!env.ADMIN_EMAIL && !env.ADMIN_PASSWORD) return null;
  if (!env.ADMIN_EMAIL || !env.ADMIN_PASSWORD) {
    throw new Error("Invalid environment: set both ADMIN_EMAIL and ADMIN_PASSWORD, or neither");
  }
  const parsed = adminSchema.safeParse({ email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD });
  if (!parsed.success) throw new Error(`Invalid environment: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/**
 * The folder of the source documents the seed quotes (../shared/sources beside the checkout unless
 * SOURCES_DIR names another), resolved from the project root.
 */
export function sourcesDirectory(
  env: Record<string, string | undefined> = process.env,
  projectRoot: string = process.cwd(),
): string {
  const configured = env.SOURCES_DIR?.trim();
  return path.resolve(projectRoot, configured ? configured : "../shared/sources");
}

/**
 * The address people reach the site at (PUBLIC_URL, else BETTER_AUTH_URL), for links in documents
 * read away from the app (the PDF briefing); null when neither is set.
 */
export function publicOrigin(env: Record<string, string | undefined> = process.env): string | null {
  const value = env.PUBLIC_URL?.trim() || env.BETTER_AUTH_URL?.trim();
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(
      `Invalid environment: PUBLIC_URL must be the site's address, such as https://pledgewatch.example`,
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`Invalid environment: PUBLIC_URL must start with https:// or http://`);
  }
  return url.origin;
}
