// npm run bench:lighthouse: the Lighthouse figures alone, on a freshly seeded database of their own.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import path from "node:path";
import { benchLighthouse } from "./lighthouse";

const dir = mkdtempSync(path.join(tmpdir(), "pledgewatch-bench-lighthouse-"));
try {
  if (!existsSync(".next/BUILD_ID")) execFileSync("npm", ["run", "--silent", "build"], { stdio: "inherit" });
  await benchLighthouse(dir, Number(process.env.BENCH_PORT ?? 3300), (label, value) =>
    console.log(`  ${label}: ${Number.isInteger(value) ? value : value.toFixed(2)}`),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
