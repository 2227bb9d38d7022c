// Idempotent seed from ../shared/sources: creates what is missing and leaves existing records alone,
// so running it again (as `npm run up` does on every start) never reverts an analyst's change.

import { loadEnv } from "../server/load-env";
import { seedDatabase } from "./seed/seed-database";

loadEnv();
const { createPrismaClient } = await import("../server/prisma-client");
const db = createPrismaClient();
try {
  const counts = await seedDatabase(db);
  console.log(
    `seeded: ${Object.entries(counts)
      .map(([name, count]) => `${count} ${name}`)
      .join(", ")}`,
  );
} finally {
  await db.$disconnect();
}
