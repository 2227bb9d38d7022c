// npm run account -- create --role analyst --email ada@example.org --name "Ada Analyst"
// The password comes from ACCOUNT_PASSWORD, or is generated and printed once. Uses DATABASE_URL.
import { inEnglish } from "../i18n/translate";
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { z } from "../lib/zod";
import { roles } from "../lib/access";
import { createAccount } from "../server/accounts";
import { accountPasswordFromEnv, requireDatabaseUrl } from "../server/env";
import { loadEnv } from "../server/load-env";
import { createPrismaClient } from "../server/prisma-client";

const usage = 'usage: npm run account -- create --role viewer|analyst|admin --email EMAIL --name "NAME"';

const createSchema = z.object({
  command: z.literal("create", { error: usage }),
  role: z.enum(roles, { error: `--role must be one of ${roles.join(", ")}` }),
  email: z.email({ error: "--email must be an email address" }),
  name: z.string({ error: "--name is required" }).trim().min(1).max(100),
  password: z.string().min(12, "ACCOUNT_PASSWORD must be at least 12 characters").max(128).optional(),
});

async function main() {
  const { values, positionals } = parseArgs({
    options: { role: { type: "string" }, email: { type: "string" }, name: { type: "string" } },
    allowPositionals: true,
  });
  loadEnv();
  const parsed = createSchema.safeParse({
    command: positionals[0],
    ...values,
    password: accountPasswordFromEnv(),
  });
  if (!parsed.success) {
    console.error(`${parsed.error.issues.map((issue) => inEnglish(issue.message)).join("; ")}\n${usage}`);
    return 2;
  }
  const { password: given, ...account } = parsed.data;
  const password = given ?? randomBytes(18).toString("base64url");
  const prisma = createPrismaClient(requireDatabaseUrl());
  try {
    if (await prisma.user.findUnique({ where: { email: account.email.toLowerCase() } })) {
      console.error(`An account with the email ${account.email} already exists.`);
      return 1;
    }
    await createAccount(prisma, { ...account, password }, null);
    console.log(
      `Created ${account.role} ${account.email}.${given ? "" : ` Password (shown once): ${password}`}`,
    );
    return 0;
  } finally {
    await prisma.$disconnect();
  }
}

process.exitCode = await main();
