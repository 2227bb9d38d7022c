// Atom read back by independent readers: Debian's xmllint against the Atom RELAX NG schema
// (RFC 4287, atom.rng beside this file) and Python's feedparser.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";

/** xmllint's verdict on the feed, written to `file`, against the Atom schema (it throws on any error). */
export function validateAtom(xml: string, file: string) {
  writeFileSync(file, xml);
  return execFileSync("xmllint", ["--noout", "--relaxng", path.join(import.meta.dirname, "atom.rng"), file], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** The feed as Python's feedparser reads it (Debian's python3, where feedparser is installed). */
export function parseAtom(xml: string) {
  const script = `
import feedparser, json, sys
d = feedparser.parse(sys.stdin.read())
print(json.dumps({"bozo": bool(d.bozo), "problem": str(d.get("bozo_exception", "")), "title": d.feed.get("title"), "links": [l.get("href") for l in d.feed.get("links", [])],
  "entries": [{"id": e.id, "title": e.title, "link": e.link, "content": e.content[0].value if e.get("content") else ""} for e in d.entries]}))
`;
  return JSON.parse(execFileSync("/usr/bin/python3", ["-c", script], { input: xml, encoding: "utf8" })) as {
    bozo: boolean;
    problem: string;
    title: string;
    links: string[];
    entries: { id: string; title: string; link: string; content: string }[];
  };
}
