import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** A fresh SQLite file with every committed migration applied, for tests; `remove()` deletes it. */
export function createMigratedDatabase(name = "test.db") {
  const dir = mkdtempSync(path.join(tmpdir(), "pledgewatch-"));
  const url = `file:${path.join(dir, name)}`;
  execFileSync("npm", ["run", "--silent", "db:deploy"], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: "pipe",
  });
  return {
    url,
    dir,
    file: path.join(dir, name),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
