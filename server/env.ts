import path from "node:path";
// The operator's environment, checked before anything else and explained in English. zod is one
// instance: once lib/zod.ts has run, a check without a message of its own would say a catalog
// reference, so every check here gives its own words.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { z } from "zod";
import { passwordLength } from "../lib/access";

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

// Each reader takes the environment as an argument so that tests can pass their own.
type Env = Record<string, string | undefined>;

export type DatabaseKind = "sqlite" | "postgresql";

/** Which database a (validated) URL names: the embedded SQLite file, or a PostgreSQL server. */
export function databaseKind(url: string = requireDatabaseUrl()): DatabaseKind {
  return url.startsWith("file:") ? "sqlite" : "postgresql";
}

/** The database URL, validated; throws an error that names the variable and the fix. */
export function requireDatabaseUrl(env: Env = process.env): string {
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
export function requireAuthSecret(env: Env = process.env): string {
  const parsed = authSecretSchema.safeParse(env.BETTER_AUTH_SECRET);
  if (!parsed.success) throw new Error(`Invalid environment: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/** BETTER_AUTH_URL: how the site is served, when the operator says so (Better Auth's base URL). */
export function authBaseUrl(env: Env = process.env): string | undefined {
  return env.BETTER_AUTH_URL?.trim() || undefined;
}

/** Whether the site is said to be served over HTTPS (BETTER_AUTH_URL starts with https:). */
export function servedOverHttps(env: Env = process.env): boolean {
  return authBaseUrl(env)?.startsWith("https:") ?? false;
}

/** Whether the site is said to be served over plain HTTP: only then may its cookies lack Secure. */
export function servedOverHttp(env: Env = process.env): boolean {
  return authBaseUrl(env)?.startsWith("http:") ?? false;
}

/** `next dev`: the CSP then allows what the dev server's hot reloading needs. */
export function developmentMode(env: Env = process.env): boolean {
  return env.NODE_ENV === "development";
}

/**
 * This server's own address for requests to itself (the PDF printer loads the briefing page):
 * INTERNAL_URL, else 127.0.0.1 on PORT. Never a request's Host, which is the client's to choose.
 */
export function internalOrigin(env: Env = process.env): string {
  return env.INTERNAL_URL?.trim() || `http://127.0.0.1:${env.PORT ?? 3000}`;
}

/**
 * Where the pages this server keeps are rendered (server/rendered-pages.ts): its renderer process
 * while that listens (RENDERER_URL, which server.mjs sets; server/renderer.mjs), else itself.
 */
export function rendererOrigin(env: Env = process.env): string {
  return env.RENDERER_URL?.trim() || internalOrigin(env);
}

/** The Chromium that prints PDFs: CHROMIUM_PATH, else Debian's. */
export function chromiumPath(env: Env = process.env): string {
  return env.CHROMIUM_PATH?.trim() || "/usr/bin/chromium";
}

/** BENCH_BASELINE=1 serves /bench/baseline, the bench's yardstick page; off otherwise. */
export function benchBaselineEnabled(env: Env = process.env): boolean {
  return env.BENCH_BASELINE === "1";
}

/** PUBLIC_READ=true lets anonymous visitors read the dashboard, pledges and exports. Off by default. */
export function publicReadEnabled(env: Env = process.env): boolean {
  const value = env.PUBLIC_READ?.trim().toLowerCase();
  if (value === undefined || value === "" || value === "false" || value === "0") return false;
  if (value === "true" || value === "1") return true;
  throw new Error(`Invalid environment: PUBLIC_READ must be "true" or "false", not "${env.PUBLIC_READ}"`);
}

const adminSchema = z.object({
  email: z.email({ error: "ADMIN_EMAIL must be an email address" }),
  password: z
    .string()
    .min(passwordLength.min, { error: `ADMIN_PASSWORD must be at least ${passwordLength.min} characters` })
    .max(passwordLength.max, { error: `ADMIN_PASSWORD must be at most ${passwordLength.max} characters` }),
});

/** The first admin from ADMIN_EMAIL/ADMIN_PASSWORD; null when neither is set. */
export function bootstrapAdminFromEnv(env: Env = process.env): { email: string; password: string } | null {
  if (!env.ADMIN_EMAIL && !env.ADMIN_PASSWORD) return null;
  if (!env.ADMIN_EMAIL || !env.ADMIN_PASSWORD) {
    throw new Error("Invalid environment: set both ADMIN_EMAIL and ADMIN_PASSWORD, or neither");
  }
  const parsed = adminSchema.safeParse({ email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD });
  if (!parsed.success) throw new Error(`Invalid environment: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/** The password `npm run account` gives a new account (ACCOUNT_PASSWORD); undefined: it makes one up. */
export function accountPasswordFromEnv(env: Env = process.env): string | undefined {
  return env.ACCOUNT_PASSWORD || undefined;
}

/**
 * The folder of the source documents the seed quotes (../shared/sources beside the checkout unless
 * SOURCES_DIR names another), resolved from the project root.
 */
export function sourcesDirectory(env: Env = process.env, projectRoot: string = process.cwd()): string {
  const configured = env.SOURCES_DIR?.trim();
  return path.resolve(projectRoot, configured ? configured : "../shared/sources");
}

/**
 * The address people reach the site at (PUBLIC_URL, else BETTER_AUTH_URL), for links in documents
 * read away from the app (the PDF briefing); null when neither is set.
 */
export function publicOrigin(env: Env = process.env): string | null {
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

const intakeModelSchema = z.object({
  url: z
    .string()
    .trim()
    .refine(
      (value) => /^https?:\/\/./.test(value),
      "INTAKE_MODEL_URL must be an http(s) address such as http://localhost:8000/v1",
    ),
  model: z.string().trim().min(1, "INTAKE_MODEL_NAME must name the model to ask, e.g. llama-3.1-8b-instruct"),
  apiKey: z.string().trim().optional(),
  timeoutSeconds: z.coerce
    .number({ error: "INTAKE_MODEL_TIMEOUT_SECONDS must be a number of seconds" })
    .int("INTAKE_MODEL_TIMEOUT_SECONDS must be a whole number of seconds")
    .min(5, "INTAKE_MODEL_TIMEOUT_SECONDS must be at least 5")
    .max(600, "INTAKE_MODEL_TIMEOUT_SECONDS must be at most 600")
    .default(120),
});
export type IntakeModelConfig = z.infer<typeof intakeModelSchema>;

/**
 * The OpenAI-compatible endpoint intake may ask for suggestions besides its rules (INTAKE_MODEL_URL,
 * the API's base such as http://localhost:8000/v1; INTAKE_MODEL_NAME; INTAKE_MODEL_API_KEY, optional;
 * INTAKE_MODEL_TIMEOUT_SECONDS, default 120). Null when INTAKE_MODEL_URL is unset: the rules alone read.
 */
export function intakeModelFromEnv(env: Env = process.env): IntakeModelConfig | null {
  if (!env.INTAKE_MODEL_URL?.trim()) return null;
  const parsed = intakeModelSchema.safeParse({
    url: env.INTAKE_MODEL_URL,
    model: env.INTAKE_MODEL_NAME ?? "",
    apiKey: env.INTAKE_MODEL_API_KEY || undefined,
    timeoutSeconds: env.INTAKE_MODEL_TIMEOUT_SECONDS || undefined,
  });
  if (!parsed.success) throw new Error(`Invalid environment: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}
