import { describe, expect, it } from "vitest";
import en from "../messages/en.json";
import type { Messages } from "next-intl";
import vm from "node:vm";
import { earlyReads, earlyReadScript, everywhere, messagesAddress, pickForBrowser } from "./browser-catalog";

const catalog = en as unknown as Messages;

describe("pickForBrowser", () => {
  it("gives the namespaces named, whole, and no other", () => {
    const picked = pickForBrowser(catalog, ["dashboard", "watch"]);
    expect(Object.keys(picked)).toEqual(["dashboard", "watch"]);
    expect(picked.dashboard).toEqual(catalog.dashboard);
  });

  it("leaves out what only the server words: a refusal, an action's outcome, a row's or a parameter's problem", () => {
    const validation = pickForBrowser(catalog, ["validation"]).validation as Record<string, unknown>;
    for (const serverOnly of ["outcome", "refusal", "row", "param"]) {
      expect(catalog.validation).toHaveProperty(serverOnly);
      expect(validation).not.toHaveProperty(serverOnly);
    }
    expect(Object.keys(validation).length).toBeGreaterThan(0);
  });

  it("knows every namespace every page has", () => {
    for (const namespace of everywhere) expect(catalog).toHaveProperty(namespace);
  });
});

describe("messagesAddress", () => {
  it("names the language, each namespace and the version", () => {
    const address = new URL(messagesAddress("uk", ["vocabulary", "common"], "abc"), "http://x");
    expect(address.pathname).toBe("/api/messages");
    expect(address.searchParams.get("locale")).toBe("uk");
    expect(address.searchParams.getAll("namespace")).toEqual(["vocabulary", "common"]);
    expect(address.searchParams.get("version")).toBe("abc");
  });
});

describe("earlyReadScript", () => {
  /** Runs the script as a page would, with the frame, timer and network the test hands it. */
  function runEarlyRead(address: string, answer: () => Promise<Response>) {
    const asked: string[] = [];
    const frames: (() => void)[] = [];
    const timers: (() => void)[] = [];
    const page: Record<string, unknown> = {
      requestAnimationFrame: (callback: () => void) => frames.push(callback),
      // A timer of no delay runs at once; the others when the test says.
      setTimeout: (callback: () => void, delay?: number) =>
        delay ? timers.push(callback) : queueMicrotask(callback),
      fetch: (url: string) => {
        asked.push(url);
        return answer();
      },
    };
    page.self = page;
    vm.runInNewContext(earlyReadScript(address), page);
    const reads = page[earlyReads] as Record<string, Promise<unknown>>;
    return { asked, frames, timers, reads };
  }

  it("asks for the words only once the page has painted, and keeps their promise by address", async () => {
    const address = messagesAddress("fr", ["watch"], "v1");
    const { asked, frames, reads } = runEarlyRead(address, async () => Response.json({ watch: { a: "b" } }));
    expect(Object.keys(reads)).toEqual([address]);
    await Promise.resolve();
    expect(asked).toEqual([]);
    // The first frame, then the second: the first paint has been shown.
    frames.shift()!();
    await Promise.resolve();
    expect(asked).toEqual([]);
    frames.shift()!();
    await expect(reads[address]).resolves.toEqual({ watch: { a: "b" } });
    expect(asked).toEqual([address]);
  });

  it("asks all the same a second on, in a tab that draws no frame", async () => {
    const address = messagesAddress("uk", ["watch"], "v1");
    const { asked, timers, reads } = runEarlyRead(address, async () => Response.json({ watch: {} }));
    await Promise.resolve();
    expect(asked).toEqual([]);
    timers.forEach((timer) => timer());
    await expect(reads[address]).resolves.toEqual({ watch: {} });
    expect(asked).toEqual([address]);
  });

  it("fails its promise when the server refuses, for the browser code to ask again", async () => {
    const address = messagesAddress("en", ["watch"], "v1");
    const { frames, reads } = runEarlyRead(address, async () => new Response("no", { status: 503 }));
    frames.shift()!();
    frames.shift()!();
    await expect(reads[address]).rejects.toThrow("503");
  });

  it("cannot end its script element, whatever the address holds", () => {
    const script = earlyReadScript("/api/messages?x=</script><script>alert(1)</script>");
    expect(script).not.toContain("</script");
    expect(script).toContain("\\u003c/script>");
  });
});
