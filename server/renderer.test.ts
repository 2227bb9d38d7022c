import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { separateRendererWanted, startRenderer } from "./renderer.mjs";

// A renderer in a process of its own, as server.mjs starts it: here a small script that says where it
// listens (through the module's own announcement) and, when asked, ends once first.

let dir: string;
let script: string;
const stops: (() => void)[] = [];

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "renderer-"));
  script = path.join(dir, "fake-renderer.mjs");
  writeFileSync(
    script,
    `import { existsSync, writeFileSync } from "node:fs";
import { announceRenderer } from ${JSON.stringify(path.resolve("server/renderer.mjs"))};
if (!process.argv.includes("--renderer")) process.exit(2);
const marker = process.env.RENDERER_TEST_MARKER;
const endFirst = Boolean(marker) && !existsSync(marker);
if (endFirst) writeFileSync(marker, "");
announceRenderer(endFirst ? 1111 : 2222);
if (endFirst) setTimeout(() => process.exit(3), 300);
else setInterval(() => {}, 1000);
process.on("disconnect", () => process.exit(0));
`,
  );
});

afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  delete process.env.RENDERER_URL;
  delete process.env.RENDERER_TEST_MARKER;
  vi.restoreAllMocks();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rendererUrl = () => process.env.RENDERER_URL;

describe("startRenderer", () => {
  it("names the renderer once it says where it listens, and no longer once stopped", async () => {
    stops.push(startRenderer(script));
    await vi.waitFor(() => expect(rendererUrl()).toBe("http://127.0.0.1:2222"), { timeout: 10_000 });
    stops.pop()!();
    await vi.waitFor(() => expect(rendererUrl()).toBeUndefined(), { timeout: 10_000 });
    // Stopped for good: not started again.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(rendererUrl()).toBeUndefined();
  });

  it("starts a renderer that ended again after a second, naming none meanwhile, and says so", async () => {
    const said = vi.spyOn(console, "error").mockImplementation(() => undefined);
    process.env.RENDERER_TEST_MARKER = path.join(dir, "ended-once");
    stops.push(startRenderer(script));
    await vi.waitFor(() => expect(rendererUrl()).toBe("http://127.0.0.1:1111"), { timeout: 10_000 });
    await vi.waitFor(() => expect(rendererUrl()).toBeUndefined(), { timeout: 10_000 });
    expect(said).toHaveBeenCalledWith(expect.stringContaining("The page renderer ended (exit code 3)"));
    expect(said).toHaveBeenCalledWith(expect.stringContaining("started again in 1 s"));
    await vi.waitFor(() => expect(rendererUrl()).toBe("http://127.0.0.1:2222"), { timeout: 10_000 });
  });
});

describe("separateRendererWanted", () => {
  it("is off when RENDER_PROCESS=off, else wherever there is a second core", () => {
    expect(separateRendererWanted({ RENDER_PROCESS: "off" })).toBe(false);
    expect(separateRendererWanted({})).toBe(availableParallelism() > 1);
    expect(separateRendererWanted({ RENDER_PROCESS: "on" })).toBe(availableParallelism() > 1);
  });
});
