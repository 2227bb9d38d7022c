import { existsSync } from "node:fs";

/** Loads `.env` into process.env when present (values already set win). Next.js does this itself;
 * the Prisma CLI (with a config file), the seed and scripts call this. */
export function loadEnv(file = ".env"): void {
  if (existsSync(file)) process.loadEnvFile(file);
}
