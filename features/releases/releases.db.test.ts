// Named releases on a real database, the changes written through the app's own writers: a release
// stores every file as written when it was published and serves them byte for byte however the data
// moves on; it lists the corrections recorded after it and, from the second on, what moved since the
// release before. The briefing is printed by Chromium from a running server (the end-to-end test
// prints it); here the printer answers with the page it was asked for, so that what it was asked is seen.
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { invalid } from "@/lib/validation-message";
import { beforeAll, describe, expect, it } from "vitest";
import { bearerHeaders, routeContext } from "@tests/api-auth";
import { parseAtom, validateAtom } from "@tests/atom-readers";
import { seededTestDatabase } from "@tests/seeded-database";
import type { Principal } from "@/lib/access";
import { isoDay } from "@/lib/format";
import { instantParam } from "@/lib/view-time";
import { databaseKind } from "@/server/env";

const { db } = await seededTestDatabase();
const { publishRelease } = await import("./mutations");
const { loadReleasePage, listReleases, releaseJson } = await import("./index");
const { releaseFiles } = await import("./schemas");
const { GET: getFile } = await import("@/app/releases/[number]/exports/[file]/route");
const { GET: getRelease } = await import("@/app/api/v1/releases/[number]/route");
const { GET: listRoute, POST: publishRoute } = await import("@/app/api/v1/releases/route");
const { GET: releasesFeed } = await import("@/app/feeds/releases.atom/route");
const { releaseResponse, releaseListResponse } = await import("@/features/api/schemas");
const { createPledge, deletePledge, recordPledgeStatus, updatePledge } =
  await import("@/features/editing/mutations");
const { pledgeCreateSchema, pledgeStatusUpdateSchema } = await import("@/features/editing/schemas");
const { pledgesCsv } = await import("@/features/reports");
const { streamPledges } = await import("@/features/pledges/queries");
const { everyPledge } = await import("@/features/pledges/selection-sql");
const { WriteError } = await import("@/lib/write-error");

let analyst: Principal;
let viewer: Record<string, string>;
let sourceId: string;
const asked: string[] = [];
const made = {
  origin: "https://pledgewatch.example",
  print: async (_view: unknown, search: string) => {
    asked.push(search);
    return new TextEncoder().encode(`%PDF-1.7 briefing?${search}`);
  },
};
const names = Object.keys(releaseFiles);

beforeAll(async () => {
  const user = await db().user.create({
    data: { name: "Rea Release", email: "rea-release@example.org", role: "analyst" },
  });
  analyst = { kind: "user", id: user.id, name: user.name, role: "analyst" };
  viewer = await bearerHeaders("viewer");
  sourceId = (await db().source.findFirstOrThrow()).id;
});

/** A release's file as its address answers it, bytes and headers. */
async function download(number: number | string, file: string, headers: Record<string, string> = viewer) {
  const response = await getFile(
    new Request(`http://localhost/releases/${number}/exports/${file}`, { headers }),
    routeContext({ number: String(number), file }),
  );
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

async function liveCsv(knownAt: Date) {
  let text = "";
  for await (const chunk of pledgesCsv(streamPledges(everyPledge, { knownAt }))) text += chunk;
  return text;
}

/** A seeded pledge that states no quantity, to change in the tests (the nth by id). */
const seededPledge = (skip: number) =>
  db().pledge.findFirstOrThrow({
    where: { deletedAt: null, quantityUnit: null },
    orderBy: { id: "asc" },
    skip,
  });

/** The seed's pledge of personnel, to record deliveries against. */
const personnelPledge = () =>
  db().pledge.findFirstOrThrow({
    where: { deletedAt: null, quantityUnit: "personnel", quantityHigh: { not: null } },
    orderBy: { createdAt: "asc" },
  });

describe("a named release", () => {
  let first: Awaited<ReturnType<typeof download>>[] = [];
  let firstKnownAt: Date;

  it("stores every file as written when it was published, with its checksum, the view frozen at its moment", async () => {
    const number = await publishRelease(analyst, { title: "Before the summit", notes: "Seed data" }, made);
    expect(number).toBe(1);
    const [release] = await listReleases();
    firstKnownAt = release!.knownAt;
    expect(release!.files.map((file) => file.name).sort()).toEqual([...names].sort());
    first = await Promise.all(names.map((name) => download(1, name)));
    for (const [n, { response, bytes }] of first.entries()) {
      expect(response.status, names[n]).toBe(200);
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      expect(response.headers.get("etag")).toBe(`W/"${sha256}"`);
      expect(release!.files.find((file) => file.name === names[n])!.sha256).toBe(sha256);
      expect(response.headers.get("content-disposition")).toBe(
        `attachment; filename="pledgewatch-release-1-${names[n]}"`,
      );
    }
    const file = (name: string) => first[names.indexOf(name)]!.bytes;
    // The briefing was printed as known at the release's moment.
    expect(asked).toHaveLength(1);
    expect(new URLSearchParams(asked[0]).get("knownAt")).toBe(instantParam(firstKnownAt));
    expect(file("briefing.pdf").toString()).toBe(`%PDF-1.7 briefing?${asked[0]}`);
    const summary = JSON.parse(file("summary.json").toString()) as { view: { knownAt: string } };
    expect(summary.view.knownAt).toBe(firstKnownAt.toISOString());
    // The workbook and the package are zip files; the pledges, what the live export said then.
    expect(file("report.xlsx").subarray(0, 2).toString()).toBe("PK");
    expect(file("datapackage.zip").subarray(0, 2).toString()).toBe("PK");
    expect(file("pledges.csv").toString()).toBe(await liveCsv(firstKnownAt));
    expect(JSON.parse(file("dataset.json").toString())).toMatchObject({ format: "pledgewatch-dataset" });
  });

  it("serves the same bytes after later edits, and lists what corrects it", async () => {
    const renamed = await seededPledge(0);
    await updatePledge(analyst, renamed.id, {
      version: renamed.version,
      title: `${renamed.title} (renamed)`,
    });
    const delivered = await personnelPledge();
    await updatePledge(analyst, delivered.id, {
      version: delivered.version,
      deliveredQuantity: "250",
      occurredOn: new Date(Math.max(delivered.announcedOn.getTime(), Date.parse("2026-03-10"))),
      note: "A convoy arrived, recorded late",
      sourceId,
      quote: "arrived in March",
    });
    const withdrawn = await seededPledge(1);
    await recordPledgeStatus(
      analyst,
      withdrawn.id,
      pledgeStatusUpdateSchema.parse({
        status: "withdrawn",
        note: "Withdrawn, as reported",
        version: withdrawn.version,
        occurredOn: isoDay(new Date()),
        sourceId,
        quote: "withdrawn",
      }),
    );
    const deleted = await seededPledge(2);
    await deletePledge(analyst, deleted.id, deleted.version);
    await createPledge(
      analyst,
      pledgeCreateSchema.parse({
        title: "A pledge announced before the release, recorded after it",
        category: "force",
        announcedOn: isoDay(firstKnownAt),
        quantityUnit: "personnel",
        quantityLow: "700",
        quantityQualifier: "exact",
        stakeholders: [],
        conditionIds: [],
        sourceId,
        quote: "seven hundred",
      }),
    );

    const again = await Promise.all(names.map((name) => download(1, name)));
    for (const [n, { bytes }] of again.entries()) expect(bytes.equals(first[n]!.bytes), names[n]).toBe(true);
    // What the app would export for the same moment now differs (the title is not in the ledger):
    // the release does not.
    expect(await liveCsv(firstKnownAt)).not.toBe(first[names.indexOf("pledges.csv")]!.bytes.toString());
    // A reader holding the file is told it has not changed.
    const etag = again[0]!.response.headers.get("etag")!;
    expect((await download(1, names[0]!, { ...viewer, "if-none-match": etag })).response.status).toBe(304);

    const page = (await loadReleasePage(1))!;
    const titles = page.corrections.map((entry) => entry.title);
    const about = (pledge: { title: string }) =>
      titles.filter((title) => title.startsWith(`${pledge.title}: `));
    expect(about(delivered)).toHaveLength(1);
    expect(about(withdrawn)).toEqual([expect.stringMatching(/withdrawn/i)]);
    expect(titles).toEqual(
      expect.arrayContaining([
        `Deleted: ${deleted.title}`,
        "New pledge: A pledge announced before the release, recorded after it",
      ]),
    );
    expect(titles.some((title) => title.includes("(renamed)"))).toBe(false);
    const delivery = page.corrections.find((entry) => entry.title.startsWith(delivered.title))!;
    expect(delivery.citations.map((citation) => citation.quote)).toEqual(["arrived in March"]);
  });

  it("lists as corrections only what is dated by its day", async () => {
    // A release made two days ago (as a restored backup would hold one): all of this test's
    // events were recorded after it, but only those dated by its day correct it.
    const knownAt = new Date(Date.now() - 2 * 86_400_000);
    await db().release.create({
      data: { number: 50, title: "Two days ago", notes: "", knownAt, publishedBy: "Rea Release" },
    });
    const page = (await loadReleasePage(50))!;
    const lines = page.corrections.map((entry) => entry.lines.join(" "));
    expect(lines.filter((line) => line.includes("A convoy arrived, recorded late"))).toHaveLength(1);
    expect(lines.some((line) => line.includes("Withdrawn, as reported"))).toBe(false);
    const titles = page.corrections.map((entry) => entry.title);
    expect(titles).not.toContain("New pledge: A pledge announced before the release, recorded after it");
    // The seed was recorded today too: its pledges, announced in January, correct it.
    expect(titles).toContain(
      `New pledge: ${(await db().pledge.findFirstOrThrow({ where: { deletedAt: null, externalId: { startsWith: "seed:" } } })).title}`,
    );
  });

  it("says, from the second release on, what moved since the one before", async () => {
    const number = await publishRelease(analyst, { title: "After the edits", notes: null }, made);
    expect(number).toBe(51);
    const page = (await loadReleasePage(51))!;
    expect(page.previous!.number).toBe(50);
    const response = await getRelease(
      new Request("http://localhost/api/v1/releases/1", { headers: viewer }),
      routeContext({ number: "1" }),
    );
    expect(releaseResponse.parse(await response.json()).data.changes).toBeNull();
    const json = releaseJson(page, made.origin);
    expect(releaseResponse.shape.data.parse(json).changes!.previous).toBe(50);
    expect(page.corrections).toEqual([]);
    const list = await listRoute(new Request("http://localhost/api/v1/releases", { headers: viewer }), {});
    const releases = releaseListResponse.parse(await list.json()).data;
    expect(releases.map((release) => release.number)).toEqual([51, 50, 1]);
    expect(releases[0]!.files.find((file) => file.name === "pledges.csv")!.url).toBe(
      "http://localhost/releases/51/exports/pledges.csv",
    );
  });

  it("is announced in a valid Atom feed, newest first, with its files' addresses", async () => {
    const response = await releasesFeed(
      new Request("http://localhost/feeds/releases.atom", { headers: viewer }),
      {},
    );
    expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const xml = await response.text();
    const work = mkdtempSync(path.join(tmpdir(), "releases-feed-"));
    try {
      validateAtom(xml, path.join(work, "releases.xml"));
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
    const parsed = parseAtom(xml);
    expect([parsed.bozo, parsed.problem]).toEqual([false, ""]);
    expect(parsed.entries.map((entry) => entry.title)).toEqual([
      "Release 51: After the edits",
      "Release 50: Two days ago",
      "Release 1: Before the summit",
    ]);
    expect(parsed.entries[2]!.link).toBe("http://localhost/releases/1");
    expect(parsed.entries[2]!.content).toContain("http://localhost/releases/1/exports/pledges.csv");
  });

  it("between two releases, the changes are the difference of the two", async () => {
    const at = async () => (await listReleases())[0]!.knownAt;
    const before = await at();
    const target = await personnelPledge();
    await updatePledge(analyst, target.id, {
      version: target.version,
      deliveredQuantity: "1,234",
      note: "Delivered in full",
      sourceId,
      quote: "delivered",
    });
    const number = await publishRelease(analyst, { title: "One delivery", notes: null }, made);
    const page = (await loadReleasePage(number))!;
    expect(page.previous!.knownAt).toEqual(before);
    expect(page.changes!.pledges.map((change) => change.id)).toEqual([target.id]);
    expect(page.changelog!.kinds).toBe("1 changed figures");
    const delivered = page.changelog!.figures.find((line) => line.figure.startsWith("Delivered"))!;
    // From the 250 delivered before to 1,234.
    expect(delivered.change).toContain("+984");
  });
});

describe("refusals", () => {
  it("never changes or removes a stored release or file", async () => {
    const file = await db().releaseFile.findFirstOrThrow();
    await expect(
      db().releaseFile.update({
        where: { releaseId_name: { releaseId: file.releaseId, name: file.name } },
        data: { sha256: "0" },
      }),
    ).rejects.toThrow(/never change/);
    await expect(
      db().releaseFileChunk.update({
        where: { releaseId_name_seq: { releaseId: file.releaseId, name: file.name, seq: 0 } },
        data: { bytes: new Uint8Array([0]) },
      }),
    ).rejects.toThrow(/never change/);
    await expect(db().release.delete({ where: { id: file.releaseId } })).rejects.toThrow(/never/);
    if (databaseKind() === "postgresql") {
      await expect(db().$executeRawUnsafe('TRUNCATE "Release" CASCADE')).rejects.toThrow(/never/);
    }
    await expect(
      db().release.update({ where: { id: file.releaseId }, data: { title: "x" } }),
    ).rejects.toThrow(/never/);
  });

  it("joins a file stored in several pieces in their order", async () => {
    const bytes = randomBytes(3_000_000);
    const packed = gzipSync(bytes);
    const pieces = [0, 1, 2].map((n) => packed.subarray(n * 1_100_000, (n + 1) * 1_100_000));
    expect(pieces.every((piece) => piece.length > 0)).toBe(true);
    await db().release.create({
      data: {
        number: 60,
        title: "Large",
        notes: "",
        knownAt: new Date(),
        publishedBy: "Rea Release",
        files: {
          create: {
            name: "dataset.json",
            contentType: "application/json",
            sha256: createHash("sha256").update(bytes).digest("hex"),
            size: bytes.length,
            // Written out of order: read in order.
            chunks: { create: [2, 0, 1].map((seq) => ({ seq, bytes: new Uint8Array(pieces[seq]!) })) },
          },
        },
      },
    });
    const { response, bytes: read } = await download(60, "dataset.json");
    expect(response.headers.get("content-length")).toBe("3000000");
    expect(read.equals(bytes)).toBe(true);
  });

  it("answers 404 with a reason for a release or file that is not there", async () => {
    for (const [number, file, words] of [
      ["999", "pledges.csv", "no release"],
      ["01", "pledges.csv", "no release"],
      ["1", "secrets.txt", 'no file "secrets.txt"'],
    ] as const) {
      const { response, bytes } = await download(number, file);
      expect(response.status, `${number}/${file}`).toBe(404);
      expect(JSON.parse(bytes.toString()).error.message).toContain(words);
    }
  });

  it("publishes nothing when a file cannot be written", async () => {
    const count = await db().release.count();
    const failing = {
      ...made,
      print: async () => {
        throw new WriteError("busy", "Nothing was published: the briefing could not be printed.");
      },
    };
    await expect(publishRelease(analyst, { title: "Doomed", notes: null }, failing)).rejects.toMatchObject({
      status: 503,
    });
    expect(await db().release.count()).toBe(count);
  });

  it("lets only analysts publish, and says what is wrong with a request", async () => {
    const post = (headers: Record<string, string>, body: unknown) =>
      publishRoute(
        new Request("http://localhost/api/v1/releases", {
          method: "POST",
          headers: { ...headers, "content-type": "application/json" },
          body: JSON.stringify(body),
        }),
        {},
      );
    expect((await post(viewer, { title: "Mine" })).status).toBe(403);
    const analystHeaders = await bearerHeaders("analyst");
    const refused = await post(analystHeaders, { title: " ", notes: "x".repeat(5001) });
    expect(refused.status).toBe(422);
    const message = ((await refused.json()) as { error: { message: string } }).error.message;
    expect(message).toContain("title is required");
    expect(message).toContain("notes is at most 5000 characters");
  });

  it("publishes one at a time: a second publish meanwhile is refused, and publishes nothing", async () => {
    const last = (await listReleases())[0]!.number;
    const [first, second] = await Promise.allSettled([
      publishRelease(analyst, { title: "One", notes: null }, made),
      publishRelease(analyst, { title: "Other", notes: null }, made),
    ]);
    expect(first).toEqual({ status: "fulfilled", value: last + 1 });
    expect(second).toMatchObject({
      status: "rejected",
      reason: { status: 503, message: invalid("refusal.anotherRelease") },
    });
    expect(await publishRelease(analyst, { title: "Then the other", notes: null }, made)).toBe(last + 2);
  });
});
