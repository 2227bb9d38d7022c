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
  .refine((url) => url.startsWith("file:"), {
    message:
      "DATABASE_URL must be a SQLite file URL (file:./data/pledgewatch.db); PostgreSQL is not supported yet",
  });

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
  return url.replace(/^file:/, "").replace(/\?.*$/, "");
}
