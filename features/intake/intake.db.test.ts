// Intake on a real database (SQLite here, PostgreSQL in its run): a source taken in once with its
// text and the rules' suggestions; decisions written through the editing writers with the source and
// the exact quote cited, made once, remembered across readings; nothing written without one.
import { beforeAll, describe, expect, it } from "vitest";
import { refusal } from "@tests/refusal";
import { seededTestDatabase } from "@tests/seeded-database";
import type { Principal } from "@/lib/access";
import type { PledgeSuggestion } from "@/lib/rules/intake/suggestions";
import { invalid } from "@/lib/validation-message";

const { db } = await seededTestDatabase();
const { takeInSource, readSourceAgain, decideSuggestion, reopenSuggestion, sha256Of } =
  await import("./mutations");
const { getIntakeSource, listIntakeSources } = await import("./queries");
const { rulesExtractor, modelExtractor } = await import("./extractors");
const { WriteError } = await import("@/lib/write-error");

const text = [
  "Leaders met in Paris on 6 January 2026.",
  "Finland and Estonia committed to deploying up to 1,200 troops to Ukraine in the event of a ceasefire.",
  "Hungary will not send troops.",
  "Experts estimate 60,000 troops are needed to monitor the line.",
].join("\n");
const quoteOf = (start: number, end: number) => text.slice(start, end);

let analyst: Principal;

beforeAll(async () => {
  const user = await db().user.create({
    data: { name: "Ina Intake", email: "ina-intake@example.org", role: "analyst" },
  });
  analyst = { kind: "user", id: user.id, name: user.name, role: "analyst" };
});

const details = {
  title: "Baltic pledges",
  publisher: "Example Wire",
  url: null,
  publishedOn: new Date("2026-01-07"),
  fileName: null,
  byteSize: 300,
};

async function takeIn() {
  return takeInSource(analyst, { text, mediaType: "text/plain" }, details);
}

async function pending(sourceId: string) {
  const intake = await getIntakeSource(sourceId);
  return intake!.suggestions.filter((row) => row.state === "pending");
}

describe("taking in a source", () => {
  it("stores the source, its text and its hash, and the rules' suggestions, and knows the same text again", async () => {
    const first = await takeIn();
    expect(first).toMatchObject({ existing: false });
    expect(first.suggestions).toBeGreaterThanOrEqual(5);
    const stored = await db().sourceText.findFirst({ where: { sourceId: first.sourceId } });
    expect(stored).toMatchObject({ text, sha256: sha256Of(text), mediaType: "text/plain" });
    const source = await db().source.findFirst({ where: { id: first.sourceId } });
    expect(source).toMatchObject({ title: "Baltic pledges", publisher: "Example Wire" });

    const again = await takeIn();
    expect(again).toEqual({ sourceId: first.sourceId, existing: true, suggestions: 0 });
    expect(await db().source.count({ where: { title: "Baltic pledges" } })).toBe(1);

    const intake = await getIntakeSource(first.sourceId);
    for (const row of intake!.suggestions) {
      // Every stored quote is the text between its offsets.
      expect(quoteOf(row.quoteStart, row.quoteEnd)).toBe(
        quoteOf(row.suggestion.quote.start, row.suggestion.quote.end),
      );
    }
    const listed = (await listIntakeSources()).find((row) => row.sourceId === first.sourceId);
    expect(listed).toMatchObject({ pending: first.suggestions, accepted: 0, rejected: 0 });
  });

  it("refuses to change a stored text: its quotes point into it", async () => {
    const { sourceId } = await takeIn();
    await expect(
      db().sourceText.update({ where: { sourceId }, data: { text: "changed" } }),
    ).rejects.toThrow();
    expect((await db().sourceText.findFirst({ where: { sourceId } }))!.text).toBe(text);
  });
});

describe("deciding", () => {
  it("accepts a pledge through the editing writers: its source and exact quote cited, its status recorded, its stakeholders created", async () => {
    const { sourceId } = await takeIn();
    const row = (await pending(sourceId)).find(
      (entry) => entry.kind === "pledge" && (entry.suggestion as PledgeSuggestion).stance === "pledge",
    )!;
    const suggestion = row.suggestion as PledgeSuggestion;
    expect(suggestion).toMatchObject({ category: "force", status: "committed" });
    const before = await db().pledge.count();

    const decided = await decideSuggestion(analyst, {
      action: "accept",
      suggestionId: row.id,
      version: row.version,
      kind: "pledge",
      target: "new",
      stakeholders: [],
      newStakeholders: [
        { name: "Finland", kind: "state", countryCode: "FI", role: "pledger" },
        { name: "Estonia", kind: "state", countryCode: "EE", role: "pledger" },
      ],
      fields: {
        title: "Baltic and Nordic troops",
        category: "force",
        status: "committed",
        quantityUnit: "personnel",
        quantityLow: "1200",
        quantityHigh: "1200",
        quantityQualifier: "up_to",
      },
    });
    expect(decided.state).toBe("accepted");
    expect(await db().pledge.count()).toBe(before + 1);
    const pledge = await db().pledge.findFirst({
      where: { id: decided.record!.id },
      include: {
        citations: true,
        stakeholders: { include: { stakeholder: true } },
        statusChanges: { include: { citations: true } },
      },
    });
    expect(pledge).toMatchObject({
      title: "Baltic and Nordic troops",
      status: "committed",
      quantityLow: 1200n,
      quantityQualifier: "up_to",
    });
    expect(pledge!.citations).toEqual([
      expect.objectContaining({ sourceId, quote: quoteOf(row.quoteStart, row.quoteEnd) }),
    ]);
    expect(pledge!.stakeholders.map((link) => [link.stakeholder.name, link.role]).sort()).toEqual([
      ["Estonia", "pledger"],
      ["Finland", "pledger"],
    ]);
    expect(pledge!.statusChanges.map((change) => change.toPledgeStatus)).toEqual(["announced", "committed"]);
    expect(pledge!.statusChanges.at(-1)!.citations[0]).toMatchObject({
      sourceId,
      quote: quoteOf(row.quoteStart, row.quoteEnd),
    });

    const stored = await db().intakeSuggestion.findFirst({ where: { id: row.id } });
    expect(stored).toMatchObject({
      state: "accepted",
      recordType: "pledge",
      recordId: pledge!.id,
      decidedById: analyst.kind === "user" ? analyst.id : null,
    });

    // Decided once: the same decision again, or a rejection, is refused and writes nothing.
    const again = decideSuggestion(analyst, { action: "reject", suggestionId: row.id, version: row.version });
    await expect(again).rejects.toThrow(WriteError);
    expect(await refusal(again)).toMatch(/already accepted/);
    expect(await db().pledge.count()).toBe(before + 1);
    // Nor is an acceptance taken back: what it wrote stands. Not even by writing to the row directly.
    const stale = await db().intakeSuggestion.findFirstOrThrow({ where: { id: row.id } });
    expect(
      await refusal(reopenSuggestion(analyst, { suggestionId: row.id, version: stale.version })),
    ).toMatch(/was accepted: what it wrote stands/);
    await expect(
      db().intakeSuggestion.update({ where: { id: row.id }, data: { state: "pending", recordId: null } }),
    ).rejects.toThrow();
    expect(await db().intakeSuggestion.findFirstOrThrow({ where: { id: row.id } })).toMatchObject({
      state: "accepted",
      recordId: pledge!.id,
    });
  });

  it("writes nothing when the record is refused, and the suggestion still waits", async () => {
    const { sourceId } = await takeIn();
    const row = (await pending(sourceId)).find((entry) => entry.kind === "requirement")!;
    const before = await db().requirement.count();
    const refused = decideSuggestion(analyst, {
      action: "accept",
      suggestionId: row.id,
      version: row.version,
      kind: "requirement",
      target: "new",
      stakeholders: [],
      newStakeholders: [],
      fields: { title: "", unit: "personnel", low: "lots", qualifier: "about" },
    });
    await expect(refused).rejects.toMatchObject({
      details: { fields: { title: expect.any(String), low: expect.any(String) } },
    });
    expect(await db().requirement.count()).toBe(before);
    expect((await db().intakeSuggestion.findFirst({ where: { id: row.id } }))!.state).toBe("pending");
  });

  it("accepts a figure as a requirement, a condition as new, and cites an existing condition", async () => {
    const { sourceId } = await takeIn();
    const rows = await pending(sourceId);
    const requirement = rows.find((entry) => entry.kind === "requirement")!;
    const accepted = await decideSuggestion(analyst, {
      action: "accept",
      suggestionId: requirement.id,
      version: requirement.version,
      kind: "requirement",
      target: "new",
      stakeholders: [],
      newStakeholders: [],
      fields: { title: "Troops to monitor the line", unit: "personnel", low: "60000", qualifier: "about" },
    });
    const stored = await db().requirement.findFirst({
      where: { id: accepted.record!.id },
      include: { citations: true },
    });
    expect(stored).toMatchObject({ low: 60000n, high: 60000n, qualifier: "about" });
    expect(stored!.citations[0]!.quote).toBe(quoteOf(requirement.quoteStart, requirement.quoteEnd));

    const condition = rows.find((entry) => entry.kind === "condition")!;
    const ceasefire = await db().condition.findFirstOrThrow({
      where: { slug: "russia-agrees-to-ceasefire" },
    });
    expect(condition.suggestion).toMatchObject({ matches: { id: ceasefire.id } });
    await decideSuggestion(analyst, {
      action: "accept",
      suggestionId: condition.id,
      version: condition.version,
      kind: "condition",
      target: "existing",
      existingId: ceasefire.id,
      stakeholders: [],
      newStakeholders: [],
      fields: {},
    });
    const cited = await db().citation.findMany({ where: { conditionId: ceasefire.id, sourceId } });
    expect(cited.map((citation) => citation.quote)).toEqual([
      quoteOf(condition.quoteStart, condition.quoteEnd),
    ]);
  });

  it("records a refusal as the stakeholder's stance, with its evidence", async () => {
    const { sourceId } = await takeIn();
    const refusal = (await pending(sourceId)).find(
      (entry) => entry.kind === "pledge" && (entry.suggestion as PledgeSuggestion).stance === "refusal",
    )!;
    await decideSuggestion(analyst, {
      action: "accept",
      suggestionId: refusal.id,
      version: refusal.version,
      kind: "pledge",
      target: "new",
      stance: "Will not send troops.",
      stakeholders: [],
      newStakeholders: [{ name: "Hungary", kind: "state", countryCode: "HU", role: "pledger" }],
      fields: {},
    });
    const hungary = await db().stakeholder.findFirst({
      where: { name: "Hungary" },
      include: { citations: true },
    });
    expect(hungary).toMatchObject({ stance: "Will not send troops.", countryCode: "HU" });
    expect(hungary!.citations[0]!.quote).toBe(quoteOf(refusal.quoteStart, refusal.quoteEnd));
  });

  it("keeps a figure as a tracked pledge's quantity, the change in its ledger citing the quote", async () => {
    const own = `Quantity report ${Date.now()}\nLatvia pledged up to 640 engineers for the hubs. Estonia sent 12 drones.`;
    const { sourceId } = await takeInSource(
      analyst,
      { text: own, mediaType: "text/plain" },
      { ...details, title: "Quantity report" },
    );
    const tracked = await db().pledge.findFirstOrThrow({
      where: { deletedAt: null, quantityUnit: "personnel", title: { not: { contains: "hubs" } } },
    });
    const figure = (await pending(sourceId)).find(
      (entry) =>
        entry.kind === "figure" && own.slice(entry.quoteStart, entry.quoteEnd) === "up to 640 engineers",
    )!;
    const accepted = await decideSuggestion(analyst, {
      action: "accept",
      suggestionId: figure.id,
      version: figure.version,
      kind: "figure",
      target: "new",
      figureAs: "pledge",
      existingId: tracked.id,
      stakeholders: [],
      newStakeholders: [],
      fields: { unit: "personnel", low: "640", high: "640", qualifier: "up_to" },
    });
    expect(accepted.record).toEqual({ kind: "pledge", id: tracked.id });
    const after = await db().pledge.findFirstOrThrow({ where: { id: tracked.id } });
    expect(after).toMatchObject({
      quantityUnit: "personnel",
      quantityHigh: 640n,
      quantityQualifier: "up_to",
    });
    const event = await db().ledgerEvent.findFirstOrThrow({
      where: { pledgeId: tracked.id, fact: "stated" },
      orderBy: { recordedAt: "desc" },
      include: { citations: true },
    });
    expect(event.note).toBe('From "Quantity report" (intake)');
    expect(event.citations.map((citation) => [citation.sourceId, citation.quote])).toEqual([
      [sourceId, "up to 640 engineers"],
    ]);
    // Without a pledge chosen, nothing is written and the field says so.
    const other = (await pending(sourceId)).find((entry) => entry.kind === "figure")!;
    await expect(
      decideSuggestion(analyst, {
        action: "accept",
        suggestionId: other.id,
        version: other.version,
        kind: "figure",
        target: "new",
        figureAs: "pledge",
        stakeholders: [],
        newStakeholders: [],
        fields: { unit: "personnel", low: "640", qualifier: "exact" },
      }),
    ).rejects.toMatchObject({ details: { fields: { existingId: invalid("chooseOne") } } });
  });

  it("rejects without writing, and a new reading does not propose the rejected again", async () => {
    const own = `${text}\nNorway pledged 500 instructors for training.`;
    const { sourceId } = await takeInSource(
      analyst,
      { text: own, mediaType: "text/plain" },
      { ...details, title: "Norway" },
    );
    const figure = (await pending(sourceId)).find(
      (entry) => entry.kind === "figure" && own.slice(entry.quoteStart, entry.quoteEnd) === "500 instructors",
    )!;
    const records = await Promise.all([db().pledge.count(), db().requirement.count(), db().citation.count()]);
    await decideSuggestion(analyst, { action: "reject", suggestionId: figure.id, version: figure.version });
    expect(await Promise.all([db().pledge.count(), db().requirement.count(), db().citation.count()])).toEqual(
      records,
    );

    const reading = await readSourceAgain(sourceId, rulesExtractor);
    expect(reading).toEqual({ added: 0, removed: 0, dropped: 0 });
    const rows = (await getIntakeSource(sourceId))!.suggestions;
    expect(rows.filter((row) => row.quoteStart === figure.quoteStart && row.kind === "figure")).toEqual([
      expect.objectContaining({ id: figure.id, state: "rejected" }),
    ]);
  });

  it("takes back a rejection: the suggestion waits again, once, and the audit keeps who rejected it", async () => {
    const own = `${text}
Denmark pledged 300 engineers for demining.`;
    const { sourceId } = await takeInSource(
      analyst,
      { text: own, mediaType: "text/plain" },
      { ...details, title: "Denmark" },
    );
    const figure = (await pending(sourceId)).find(
      (entry) => entry.kind === "figure" && own.slice(entry.quoteStart, entry.quoteEnd) === "300 engineers",
    )!;
    await decideSuggestion(analyst, { action: "reject", suggestionId: figure.id, version: figure.version });
    const rejected = await db().intakeSuggestion.findFirstOrThrow({ where: { id: figure.id } });
    expect(rejected).toMatchObject({ state: "rejected", version: figure.version + 1 });
    // A rejection is not turned into anything but a waiting suggestion, even by writing to the row.
    await expect(
      db().intakeSuggestion.update({ where: { id: figure.id }, data: { state: "accepted" } }),
    ).rejects.toThrow();
    expect(await db().intakeSuggestion.findFirstOrThrow({ where: { id: figure.id } })).toMatchObject({
      state: "rejected",
    });
    // From a page older than the rejection: refused.
    expect(
      await refusal(reopenSuggestion(analyst, { suggestionId: figure.id, version: figure.version })),
    ).toMatch(/changed since the page was shown/);

    await reopenSuggestion(analyst, { suggestionId: figure.id, version: rejected.version });
    expect(await db().intakeSuggestion.findFirstOrThrow({ where: { id: figure.id } })).toMatchObject({
      state: "pending",
      decidedAt: null,
      decidedById: null,
      version: rejected.version + 1,
    });
    const audit = await db().auditEntry.findFirstOrThrow({
      where: { entityType: "IntakeSuggestion", entityId: figure.id },
    });
    expect(JSON.parse(audit.before!)).toMatchObject({
      state: "rejected",
      decidedById: analyst.kind === "user" ? analyst.id : null,
    });
    // Once: a second taking back from the same page is refused.
    expect(
      await refusal(reopenSuggestion(analyst, { suggestionId: figure.id, version: rejected.version })),
    ).toMatch(/waiting for a decision already/);
    // It waits like any other: decided again, by acceptance this time, and that stays.
    const waiting = (await pending(sourceId)).find((row) => row.id === figure.id)!;
    const accepted = await decideSuggestion(analyst, {
      action: "accept",
      suggestionId: figure.id,
      version: waiting.version,
      kind: "figure",
      target: "new",
      figureAs: "requirement",
      stakeholders: [],
      newStakeholders: [],
      fields: { title: "Engineers for demining", unit: "personnel", low: "300", qualifier: "exact" },
    });
    expect(accepted).toMatchObject({ state: "accepted", record: { kind: "requirement" } });
    expect(
      await refusal(reopenSuggestion(analyst, { suggestionId: figure.id, version: waiting.version + 1 })),
    ).toMatch(/was accepted/);
  });

  it("adds a model's suggestions beside the rules', dropping those whose quotes are not in the text", async () => {
    const { sourceId } = await takeIn();
    const fetcher = (async () =>
      new Response(
        JSON.stringify({
          choices: [
            {
              message: {
                content: JSON.stringify({
                  suggestions: [
                    {
                      kind: "condition",
                      quote: "in the event of a ceasefire",
                      title: "A ceasefire",
                      dependsOn: "Russia",
                    },
                    { kind: "pledge", quote: "Hungary will send 900 troops", category: "force" },
                  ],
                }),
              },
            },
          ],
        }),
      )) as typeof fetch;
    const model = modelExtractor({ url: "http://model.test/v1", model: "m", timeoutSeconds: 10 }, fetcher);
    expect(await readSourceAgain(sourceId, model)).toEqual({ added: 1, removed: 0, dropped: 1 });
    const rows = (await getIntakeSource(sourceId))!.suggestions.filter((row) => row.extractor === "model");
    expect(rows.map((row) => quoteOf(row.quoteStart, row.quoteEnd))).toEqual(["in the event of a ceasefire"]);
  });

  it("records the status a sentence supports for a tracked pledge, citing it", async () => {
    const hubs = await db().pledge.findFirstOrThrow({
      where: { title: "Permanent maintenance and manufacturing hubs in Ukraine" },
    });
    const news = `Field report ${Date.now()}\nThe first maintenance hub built by France and the UK has opened near Lviv.`;
    const { sourceId } = await takeInSource(
      analyst,
      { text: news, mediaType: "text/plain" },
      { ...details, title: "Field report" },
    );
    const evidence = (await pending(sourceId)).find((row) => row.kind === "status")!;
    expect(evidence.suggestion).toMatchObject({ pledge: { id: hubs.id }, status: "delivered" });
    await decideSuggestion(analyst, {
      action: "accept",
      suggestionId: evidence.id,
      version: evidence.version,
      kind: "status",
      target: "existing",
      existingId: hubs.id,
      recordStatus: "delivered",
      stakeholders: [],
      newStakeholders: [],
      fields: {},
    });
    const after = await db().pledge.findFirstOrThrow({
      where: { id: hubs.id },
      include: { statusChanges: { include: { citations: true }, orderBy: { createdAt: "desc" }, take: 1 } },
    });
    expect(after.status).toBe("delivered");
    expect(after.statusChanges[0]!.citations[0]).toMatchObject({
      sourceId,
      quote: news.slice(evidence.quoteStart, evidence.quoteEnd),
    });
  });
});
