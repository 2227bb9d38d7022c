// npm run token -- create --role viewer --name NAME   → prints the new token alone on its last line
// npm run token -- list | revoke --id ID
// Uses DATABASE_URL (from the environment or .env).
import { parseArgs } from "node:util";
import { z } from "../lib/zod";
import { roles, tokenExpiresAt, tokenUsable } from "../lib/access";
import { inEnglish } from "../i18n/translate";
import { apiTokenSchema } from "../features/admin/schemas";
import { createApiToken, revokeApiToken } from "../server/api-tokens";
import { requireDatabaseUrl } from "../server/env";
import { loadEnv } from "../server/load-env";
import { createPrismaClient } from "../server/prisma-client";

const usage =
  "usage: npm run token -- create --role viewer|analyst|admin --name NAME [--days 7|30|90|180|365] | list | revoke --id ID";

const commandSchema = z.discriminatedUnion("command", [
  z.object({
    command: z.literal("create"),
    role: z.enum(roles, { error: `--role must be one of ${roles.join(", ")}` }),
    name: z.string({ error: "--name is required" }).trim().min(1, "--name must not be empty").max(100),
    days: apiTokenSchema.shape.days,
  }),
  z.object({ command: z.literal("list") }),
  z.object({ command: z.literal("revoke"), id: z.string({ error: "--id is required" }).min(1) }),
]);

async function main() {
  const { values, positionals } = parseArgs({
    options: {
      role: { type: "string" },
      name: { type: "string" },
      id: { type: "string" },
      days: { type: "string" },
    },
    allowPositionals: true,
  });
  const parsed = commandSchema.safeParse({ command: positionals[0], ...values });
  if (!parsed.success) {
    console.error(`${parsed.error.issues.map((issue) => inEnglish(issue.message)).join("; ")}\n${usage}`);
    return 2;
  }
  loadEnv();
  const prisma = createPrismaClient(requireDatabaseUrl());
  try {
    const input = parsed.data;
    switch (input.command) {
      case "create": {
        const { id, token } = await createApiToken(
          prisma,
          { name: input.name, role: input.role, days: input.days },
          null,
        );
        console.log(
          `Created API token "${input.name}" (${input.role}, id ${id}, valid ${input.days} days). It is shown once; store it now:`,
        );
        console.log(token);
        return 0;
      }
      case "list": {
        const tokens = await prisma.apiToken.findMany({ orderBy: { createdAt: "asc" } });
        for (const t of tokens) {
          const state = t.revokedAt
            ? "revoked"
            : tokenUsable(t, new Date())
              ? `active until ${tokenExpiresAt(t).toISOString()}`
              : "expired";
          console.log(`${t.id}\t${t.prefix}…\t${t.role}\t${t.name}\t${state}`);
        }
        return 0;
      }
      case "revoke": {
        const revoked = await revokeApiToken(prisma, input.id, null);
        console.log(revoked ? `Revoked ${input.id}.` : `No active token with id ${input.id}.`);
        return revoked ? 0 : 1;
      }
    }
  } finally {
    await prisma.$disconnect();
  }
}

process.exitCode = await main();
