// The changes feed on a real database, read back by independent readers: Debian's xmllint against
// the Atom RELAX NG schema (RFC 4287, tests/support/atom.rng) and Python's feedparser.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearerHeaders, routeContext } from "@tests/api-auth";
import { parseAtom, validateAtom } from "@tests/atom-readers";
import { seededTestDatabase } from "@tests/seeded-database";
import { isoDay } from "@/lib/format";
import type { Principal } from "@/lib/access";

const { db } = await seededTestDatabase();
const { GET } = await import("./route");
const { recordPledgeStatus, updatePledge, deletePledge } = await import("@/features/editing/mutations");
const { pledgeStatusUpdateSchema, pledgePatchSchema } = await import("@/features/editing/schemas");

const work = mkdtempSync(path.join(tmpdir(), "feeds-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let headers: Record<string, string> = {};
type Pledge = { id: string; title: string; version: number };
let withdrawn: Pledge;
let delivered: Pledge;
let deleted: Pledge;

beforeAll(async () => {
  headers = await bearerHeaders("viewer");
  const user = await db().user.create({
    data: { name: "Fay Feed", email: "fay@example.org", role: "analyst" },
  });
  const analyst: Principal = { kind: "user", id: user.id, name: user.name, role: "analyst" };
  const sourceId = (await db().source.findFirstOrThrow()).id;
  const pledges = await db().pledge.findMany({ where: { deletedAt: null }, orderBy: { id: "asc" } });
  // The seed states one amount: that pledge gets the delivery; two others are withdrawn and deleted.
  delivered = pledges.find((p) => p.quantityUnit !== null)!;
  const others = pledges.filter((p) => p.id !== delivered.id);
  withdrawn = others[0]!;
  deleted = others[others.length - 1]!;
  const first = withdrawn;
  const second = delivered;
  await recordPledgeStatus(
    analyst,
    first!.id,
    pledgeStatusUpdateSchema.parse({
      status: "withdrawn",
      note: "Parliament said no <again> & again",
      version: first!.version,
      occurredOn: isoDay(new Date()),
      sourceId,
      quote: "we will not send <troops>",
    }),
  );
  await updatePledge(
    analyst,
    second!.id,
    pledgePatchSchema.parse({
      version: second!.version,
      deliveredQuantity: "250",
      note: "First rotation",
      sourceId,
      quote: "250 arrived",
    }),
  );
  await deletePledge(analyst, deleted.id, deleted.version);
});

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

async function feed(query = "") {
  const response = await GET(
    new Request(`http://localhost/feeds/changes.atom${query ? `?${query}` : ""}`, { headers }),
    routeContext({}),
  );
  return { status: response.status, type: response.headers.get("content-type"), text: await response.text() };
}

const validate = (xml: string, name: string) => validateAtom(xml, path.join(work, `${name}.xml`));
const parse = parseAtom;

describe("the changes feed", () => {
  it("is valid Atom that an independent reader parses, newest first, each entry quoting its evidence", async () => {
    const { status, type, text } = await feed();
    expect(status).toBe(200);
    expect(type).toBe("application/atom+xml; charset=utf-8");
    validate(text, "tracker");
    const parsed = parse(text);
    expect([parsed.bozo, parsed.problem]).toEqual([false, ""]);
    expect(parsed.title).toBe("Pledgewatch: what changed");
    const titles = parsed.entries.map((entry) => entry.title);
    // The deletion was recorded last, then the delivery, then the withdrawal.
    expect(titles[0]).toBe(`Deleted: ${deleted.title}`);
    expect(parsed.entries[0]!.link).toMatch(/\/changes\?since=\d{4}-\d{2}-\d{2}&until=\d{4}-\d{2}-\d{2}$/);
    // Its other events leave the feed with it.
    expect(titles.filter((title) => title.includes(deleted.title))).toEqual([`Deleted: ${deleted.title}`]);
    expect(titles[1]).toMatch(new RegExp(`^${escapeRegExp(delivered.title)}: Delivered: .* → 250 `));
    expect(titles[2]).toMatch(new RegExp(`^${escapeRegExp(withdrawn.title)}: \\S.* → Withdrawn$`));
    const withdrawal = parsed.entries[2]!;
    expect(withdrawal.link).toMatch(new RegExp(`/pledges/${withdrawn.id}$`));
    // Escaped as text: the reader shows the words, never markup.
    expect(withdrawal.content).toContain("Parliament said no &lt;again&gt; &amp; again");
    expect(withdrawal.content).toContain("“we will not send &lt;troops&gt;”");
    // The seed's pledges, each an entry of its own with the evidence it was created with.
    expect(titles.filter((title) => title.startsWith("New pledge: ")).length).toBeGreaterThan(5);
    expect(new Set(parsed.entries.map((entry) => entry.id)).size).toBe(parsed.entries.length);
  });

  it("follows one pledge, or the pledges a list's filters pick", async () => {
    const one = await feed(`pledge=${withdrawn.id}`);
    validate(one.text, "pledge");
    const parsed = parse(one.text);
    expect(parsed.title).toBe(`Pledgewatch: ${withdrawn.title}`);
    expect(
      parsed.entries.every(
        (entry) => entry.link.endsWith(`/pledges/${withdrawn.id}`) || entry.link.includes("/conditions/"),
      ),
    ).toBe(true);
    expect(parsed.entries.map((entry) => entry.title)).toContain(`New pledge: ${withdrawn.title}`);

    const stakeholder = await db().stakeholder.findFirstOrThrow({
      where: { pledges: { some: {} } },
      orderBy: { slug: "asc" },
    });
    const filtered = await feed(`stakeholder=${stakeholder.slug}`);
    validate(filtered.text, "stakeholder");
    const carried = new Set(
      (await db().pledgeStakeholder.findMany({ where: { stakeholderId: stakeholder.id } })).map(
        (link) => link.pledgeId,
      ),
    );
    const pledgeLinks = parse(filtered.text)
      .entries.map((entry) => /\/pledges\/([^/]+)$/.exec(entry.link)?.[1])
      .filter((id) => id !== undefined);
    expect(pledgeLinks.length).toBeGreaterThan(0);
    expect(pledgeLinks.every((id) => carried.has(id!))).toBe(true);
  });

  it("refuses an unknown pledge and a bad filter with a message", async () => {
    expect((await feed("pledge=no-such-pledge")).status).toBe(404);
    const bad = await feed("status=finished");
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("status");
  });
});

describe("a personal feed address", () => {
  it("reads with its owner's token and no cookie, leaves the token out of the feed, and stops once revoked", async () => {
    const { createApiToken, revokeApiToken } = await import("@/server/api-tokens");
    const { feedTokenName } = await import("@/features/account/schemas");
    const owner = await db().user.create({
      data: { name: "Rae Reader", email: "rae@example.org", role: "viewer" },
    });
    const principal: Principal = { kind: "user", id: owner.id, name: owner.name, role: "viewer" };
    const { id, token } = await createApiToken(
      db(),
      { name: feedTokenName(owner.name), role: "viewer", days: 365 },
      principal,
    );
    const read = (query: string) =>
      GET(new Request(`http://localhost/feeds/changes.atom?${query}`), routeContext({}));

    const answer = await read(`stakeholder=france&token=${token}`);
    expect(answer.status).toBe(200);
    const xml = await answer.text();
    validate(xml, "personal");
    expect(xml).not.toContain(token);
    expect(xml).toContain('href="http://localhost/feeds/changes.atom?stakeholder=france"');

    expect((await read("token=pw_not-a-token")).status).toBe(401);
    expect((await read("")).status).toBe(401);
    await revokeApiToken(db(), id, principal);
    expect((await read(`token=${token}`)).status).toBe(401);
  });
});
