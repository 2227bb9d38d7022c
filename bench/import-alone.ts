// npm run bench:import: the import's bench alone, on a fresh 10,000-pledge database of its own.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { benchImport } from "./import";
import { seedBenchData } from "./seed-bench-data";

const dir = mkdtempSync(path.join(tmpdir(), "pledgewatch-bench-import-"));
const url = `file:${path.join(dir, "bench.db")}`;
try {
  const env = { ...process.env, DATABASE_URL: url };
  execFileSync("npm", ["run", "--silent", "db:deploy"], { env, stdio: "ignore" });
  execFileSync("npm", ["run", "--silent", "db:seed"], { env, stdio: "ignore" });
  await seedBenchData(url, { pledges: 10_000, statusChangesPerPledge: 10, conditions: 20 });
  process.env.DATABASE_URL = url;
  await benchImport(dir, (label, value) =>
    console.log(`  ${label}: ${Number.isInteger(value) ? value : value.toFixed(2)}`),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
