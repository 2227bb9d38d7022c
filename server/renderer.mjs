// @ts-check
// The page renderer: a second process of this server, on its own loopback port, that renders the
// pages the server keeps (server/rendered-pages.ts) and the pages it prints to PDF
// (features/reports/briefing-pdf.ts). A render of the dashboard takes 70–100 ms of a
// thread, and while analysts write, one runs about twice a second; done on the thread that answers
// readers, it cost them a quarter of their answers (`npm run bench`, step "writes"). In a process of
// its own it runs on another core, and readers are answered meanwhile.
import { fork } from "node:child_process";
import { availableParallelism } from "node:os";

/** What the renderer says once it listens. */
const readyKind = "pledgewatch-renderer-ready";
/** How long after the renderer ended it is started again: doubled for each end within a minute of its start. */
const firstRestartMs = 1_000;
const maxRestartMs = 60_000;

/**
 * Whether this server renders its kept pages in a process of its own: on a machine of two cores or
 * more, unless RENDER_PROCESS=off.
 */
export function separateRendererWanted(env = process.env) {
  return env.RENDER_PROCESS?.trim() !== "off" && availableParallelism() > 1;
}

/**
 * Starts `serverFile --renderer` and keeps it running while this process runs. Once it listens,
 * RENDERER_URL names it (server/env.ts), where kept pages and PDFs are rendered; while it is down,
 * this server renders them itself. Returns the function that stops it.
 */
export function startRenderer(serverFile) {
  let child = /** @type {import("node:child_process").ChildProcess | null} */ (null);
  let stopped = false;
  /** The renderer's ends in a row, each within a minute of its start. */
  let quickEnds = 0;
  let startedAt = 0;

  const start = () => {
    startedAt = Date.now();
    const started = fork(serverFile, ["--renderer"], {
      // Webhooks are sent by the server itself, once, and the first account made by it alone
      // (server/startup.ts).
      env: { ...process.env, WEBHOOKS: "off", PLEDGEWATCH_RENDERER: "1" },
      // The server's flags (a heap cap, --cpu-prof) hold for it too, but not a debugger's port.
      execArgv: process.execArgv.filter((flag) => !/^--(inspect|debug)/.test(flag)),
    });
    child = started;
    started.on("message", (message) => {
      if (
        typeof message === "object" &&
        message !== null &&
        "kind" in message &&
        message.kind === readyKind &&
        "port" in message
      )
        process.env.RENDERER_URL = `http://127.0.0.1:${Number(message.port)}`;
    });
    started.once("exit", (code, signal) => {
      delete process.env.RENDERER_URL;
      child = null;
      if (stopped) return;
      quickEnds = Date.now() - startedAt > maxRestartMs ? 0 : quickEnds + 1;
      const restartMs = Math.min(firstRestartMs * 2 ** Math.max(0, quickEnds - 1), maxRestartMs);
      console.error(
        `The page renderer ended (${signal ?? `exit code ${code}`}); pages are rendered here until it is started again in ${restartMs / 1000} s.`,
      );
      setTimeout(() => stopped || start(), restartMs).unref();
    });
  };
  start();
  return () => {
    stopped = true;
    child?.kill("SIGTERM");
  };
}

/** In the renderer: tells the server that started it where it listens. */
export function announceRenderer(port) {
  // A server gone meanwhile is not told (its end ends this process: server.mjs).
  if (process.connected) process.send?.({ kind: readyKind, port }, undefined, {}, () => undefined);
}
