// The change log, the incremental sync and webhooks on a real database, the changes written through
// the app's own writers, sent over real HTTP to a receiver on the loopback address that checks
// Standard Webhooks' signatures by the spec's algorithm and by its reference library.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import type { Principal } from "@/lib/access";
import { isoDay } from "@/lib/format";
import { leaseMs, retryForMs } from "@/lib/rules/webhooks";
import { WriteError } from "@/lib/write-error";
import { inEnglish } from "@/i18n/translate";
import { seededTestDatabase } from "@tests/seeded-database";
import { startReceiver, verifiedBySpec } from "@tests/webhook-receiver";

const { db } = await seededTestDatabase();
const { createPledge, recordPledgeStatus, deletePledge, updateRecord } =
  await import("@/features/editing/mutations");
const { pledgeCreateSchema, pledgeStatusUpdateSchema } = await import("@/features/editing/schemas");
const { readChangeLogPage } = await import("@/features/api");
const { changeLogParams } = await import("@/features/api/schemas");
const { getPledgeJson, listStakeholderRecords } = await import("@/features/api/queries");
const { createEndpoint, setAllowPrivateTargets, setEndpointEnabled, claimDeliveries } =
  await import("./mutations");
const { readFailedEndpoints, getEndpoint } = await import("./queries");
const { deliverDue } = await import("./index");

let admin: Principal;
let sourceId: string;

beforeAll(async () => {
  const user = await db().user.create({
    data: { name: "Ada Hooks", email: "ada-hooks@example.org", role: "admin" },
  });
  admin = { kind: "user", id: user.id, name: user.name, role: "admin" };
  sourceId = (await db().source.findFirstOrThrow()).id;
  await setAllowPrivateTargets(admin, true);
});

async function newPledge(title: string) {
  const { id } = await createPledge(
    admin,
    pledgeCreateSchema.parse({
      title,
      category: "force",
      announcedOn: isoDay(new Date()),
      quantityUnit: "personnel",
      quantityLow: "1000",
      quantityQualifier: "exact",
      stakeholders: [],
      conditionIds: [],
      sourceId,
      quote: "fixture",
    }),
  );
  return id;
}

const version = async (id: string) => (await db().pledge.findUniqueOrThrow({ where: { id } })).version;

async function setStatus(id: string, status: string) {
  await recordPledgeStatus(
    admin,
    id,
    pledgeStatusUpdateSchema.parse({
      status,
      version: await version(id),
      occurredOn: isoDay(new Date()),
      note: "fixture",
      sourceId,
      quote: "fixture",
    }),
  );
}

/** Reads the whole log from `cursor`, a small page at a time, as a mirror would. */
async function readAll(cursor = { version: 0, id: 0 }) {
  const entries = [];
  for (;;) {
    const page = await readChangeLogPage(cursor, 7);
    entries.push(...page.data);
    cursor = changeLogParams.shape.cursor.parse(page.next);
    if (!page.more) return { entries, cursor };
  }
}

describe("the change log and the incremental sync", () => {
  it("keeps a mirror exact: every record, then every change in order, with tombstones", async () => {
    const mirror = new Map<string, unknown>();
    const apply = (entries: Awaited<ReturnType<typeof readAll>>["entries"]) => {
      for (const entry of entries) {
        const key = `${entry.entity}:${entry.id}`;
        if (entry.record === null) mirror.delete(key);
        else mirror.set(key, entry.record);
      }
    };
    const first = await readAll();
    apply(first.entries);
    // The seeded records are there from the start, logged as created.
    const seeded = await db().pledge.count({ where: { deletedAt: null } });
    expect([...mirror.keys()].filter((key) => key.startsWith("pledge:"))).toHaveLength(seeded);

    const kept = await newPledge("Sync kept");
    const gone = await newPledge("Sync gone");
    await setStatus(kept, "committed");
    await deletePledge(admin, gone, await version(gone));
    const stakeholder = (await db().stakeholder.findFirstOrThrow({
      where: { pledges: { some: {} } },
      orderBy: { slug: "asc" },
    }))!;
    await updateRecord(admin, "stakeholder", stakeholder.id, stakeholder.version, {
      name: `${stakeholder.name} (renamed)`,
      kind: stakeholder.kind,
      countryCode: stakeholder.countryCode,
      stance: stakeholder.stance,
      primaryContribution: stakeholder.primaryContribution,
      description: stakeholder.description,
    } as never);

    const next = await readAll(first.cursor);
    expect(next.entries.slice(0, 5).map((entry) => `${entry.type}:${entry.id}`)).toEqual([
      `pledge.created:${kept}`,
      `pledge.created:${gone}`,
      `pledge.status_changed:${kept}`,
      `pledge.deleted:${gone}`,
      `stakeholder.updated:${stakeholder.id}`,
    ]);
    // Then every record that shows the stakeholder's name: its pledges among them.
    const linked = await db().pledgeStakeholder.findMany({
      where: { stakeholderId: stakeholder.id, pledge: { deletedAt: null } },
      select: { pledgeId: true },
    });
    expect(linked.length).toBeGreaterThan(0);
    expect(
      next.entries
        .slice(5)
        .filter((entry) => entry.type === "pledge.updated")
        .map((entry) => entry.id),
    ).toEqual(expect.arrayContaining(linked.map((link) => link.pledgeId)));
    apply(next.entries);
    // The mirror holds every live pledge as the API shows it now, and no other.
    const live = await db().pledge.findMany({ where: { deletedAt: null }, select: { id: true } });
    expect([...mirror.keys()].filter((key) => key.startsWith("pledge:")).sort()).toEqual(
      live.map((pledge) => `pledge:${pledge.id}`).sort(),
    );
    for (const { id } of live) expect(mirror.get(`pledge:${id}`), id).toEqual(await getPledgeJson(id));
    expect(mirror.has(`pledge:${gone}`)).toBe(false);
    const [renamed] = await listStakeholderRecords([stakeholder.id]);
    expect(mirror.get(`stakeholder:${stakeholder.id}`)).toEqual(renamed);
    // Read again from its end, the log has nothing new, and says where it stands.
    const after = await readChangeLogPage(next.cursor, 10);
    expect(after).toMatchObject({ data: [], more: false });
  });

  it("writes nothing for a write that rolled back", async () => {
    const before = await db().changeLog.count();
    await expect(
      db().$transaction(async (tx) => {
        await tx.auditEntry.create({
          data: { actorLabel: "test", action: "update", entityType: "Pledge", entityId: "nothing" },
        });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await db().changeLog.count()).toBe(before);
  });
});

describe("webhooks", () => {
  const receivers: Awaited<ReturnType<typeof startReceiver>>[] = [];
  afterAll(async () => Promise.all(receivers.map((receiver) => receiver.close())));

  /** A receiver and an endpoint for it; endpoints made before stop being sent to. */
  async function endpointFor(answer?: (times: number) => number, events: "all" | string[] = "all") {
    await db().webhookEndpoint.updateMany({ where: { disabledAt: null }, data: { disabledAt: new Date() } });
    const receiver = await startReceiver(answer);
    receivers.push(receiver);
    const id = await createEndpoint(admin, { url: receiver.url, description: null, events });
    const { secret } = await db().webhookEndpoint.findUniqueOrThrow({ where: { id } });
    return { receiver, id, secret };
  }

  it("queues each change for the endpoint in its own transaction, and sends it signed", async () => {
    const { receiver, id, secret } = await endpointFor(undefined, [
      "pledge.created",
      "pledge.status_changed",
    ]);
    const pledge = await newPledge("Hooked");
    await setStatus(pledge, "committed");
    // Queued by the write itself, before any worker ran.
    const queued = await db().webhookDelivery.findMany({
      where: { endpointId: id },
      orderBy: { changeId: "asc" },
    });
    expect(queued.map((delivery) => [delivery.eventType, delivery.state])).toEqual([
      ["pledge.created", "pending"],
      ["pledge.status_changed", "pending"],
    ]);

    expect(await deliverDue()).toBe(2);
    expect(receiver.received).toHaveLength(2);
    const wh = new Webhook(secret);
    for (const message of receiver.received) {
      expect(verifiedBySpec(secret, message)).toBe(true);
      expect(verifiedBySpec(secret, { ...message, body: message.body.replace("Hooked", "Hacked") })).toBe(
        false,
      );
      const headers = {
        "webhook-id": message.id,
        "webhook-timestamp": message.timestamp,
        "webhook-signature": message.signature,
      };
      expect(wh.verify(message.body, headers)).toMatchObject({ data: { id: pledge } });
    }
    const bodies = receiver.received.map((message) => JSON.parse(message.body));
    expect(bodies.map((body) => body.type)).toEqual(["pledge.created", "pledge.status_changed"]);
    expect(bodies[1].data.record).toEqual(await getPledgeJson(pledge));
    expect(new Set(receiver.received.map((message) => message.id)).size).toBe(2);
    // Sent once: nothing is due any more.
    expect(await deliverDue()).toBe(0);
    const endpoint = await getEndpoint(id);
    expect(
      endpoint!.deliveries.every((delivery) => delivery.state === "delivered" && delivery.tries.length === 1),
    ).toBe(true);
  });

  it("retries with backoff: a receiver that fails three times gets exactly one success per event", async () => {
    const { receiver, id } = await endpointFor((times) => (times <= 3 ? 503 : 200));
    const first = await newPledge("Retried one");
    const second = await newPledge("Retried two");
    let clock = Date.now();
    const now = () => new Date(clock);
    await deliverDue(now);
    // Not due again before its wait is over; due after it, each wait twice the last.
    expect(await deliverDue(now)).toBe(0);
    for (let round = 0; round < 6; round++) {
      clock += 60 * 60 * 1000;
      await deliverDue(now);
    }
    const succeeded = receiver.succeeded();
    expect(succeeded.map((message) => JSON.parse(message.body).data.id).sort()).toEqual(
      [first, second].sort(),
    );
    expect(receiver.received).toHaveLength(8);
    // Every retry sent the same message, byte for byte.
    for (const message of receiver.received) {
      expect(message.body).toBe(succeeded.find((success) => success.id === message.id)!.body);
    }
    const endpoint = await getEndpoint(id);
    expect(
      endpoint!.deliveries.map((delivery) => [delivery.state, delivery.attempts, delivery.tries.length]),
    ).toEqual([
      ["delivered", 4, 4],
      ["delivered", 4, 4],
    ]);
    expect(endpoint!.deliveries[0]!.tries.map((attempt) => attempt.status)).toEqual([503, 503, 503, 200]);
  });

  it("gives a delivery up after a day of failures and disables its endpoint, telling the admin", async () => {
    const { receiver, id } = await endpointFor(() => 500);
    await newPledge("Never received");
    let clock = Date.now();
    const now = () => new Date(clock);
    while (clock < Date.now() + retryForMs + 3 * 60 * 60 * 1000) {
      await deliverDue(now);
      clock += 30 * 60 * 1000;
    }
    const endpoint = await getEndpoint(id);
    expect(endpoint!.deliveries[0]).toMatchObject({ state: "failed" });
    expect(receiver.received.length).toBeGreaterThan(10);
    expect(endpoint!.disabledAt).not.toBeNull();
    const failed = (await readFailedEndpoints()).find((endpoint) => endpoint.id === id);
    expect(inEnglish(failed?.disabledReason ?? "")).toMatch(/failed for 24 hours; the last: answered 500\.$/);
    // Nothing more is queued for it while it is disabled; enabling it again clears the notice.
    await newPledge("While disabled");
    expect(await db().webhookDelivery.count({ where: { endpointId: id } })).toBe(1);
    await setEndpointEnabled(admin, id, true);
    expect((await readFailedEndpoints()).map((endpoint) => endpoint.id)).not.toContain(id);
    // The delivery given up is tried afresh, for another day, not given up again at its first failure.
    const [retried] = (await getEndpoint(id))!.deliveries;
    expect(retried).toMatchObject({ state: "pending", attempts: 0, firstAttemptAt: null });
    await deliverDue();
    expect((await getEndpoint(id))!.deliveries[0]).toMatchObject({ state: "pending", attempts: 1 });
    expect((await getEndpoint(id))!.disabledAt).toBeNull();
  });

  it("refuses private addresses unless the setting allows them, when registered and when sent", async () => {
    const { receiver, id } = await endpointFor();
    await setAllowPrivateTargets(admin, false);
    try {
      await expect(
        createEndpoint(admin, { url: receiver.url, description: null, events: "all" }),
      ).rejects.toThrow(WriteError);
      const refusal = (url: string) =>
        createEndpoint(admin, { url, description: null, events: "all" }).then(
          () => "registered",
          (error: Error) => inEnglish(error.message),
        );
      expect(await refusal("https://169.254.169.254/latest")).toMatch(/private, loopback or link-local/);
      // A name is looked up: one that resolves to the loopback address is refused too.
      expect(await refusal("https://localhost/hooks")).toMatch(
        /localhost resolves to .*private, loopback or link-local/,
      );
      await newPledge("Not sent");
      await deliverDue();
      expect(receiver.received).toHaveLength(0);
      const [delivery] = (await getEndpoint(id))!.deliveries;
      expect(inEnglish(delivery!.tries[0]!.error ?? "")).toMatch(
        /^The address is a private, loopback or link-local address/,
      );
    } finally {
      await setAllowPrivateTargets(admin, true);
    }
  });

  it("sends a delivery whose worker died while sending once its lease is over, and not before", async () => {
    const { receiver } = await endpointFor();
    await newPledge("Orphaned");
    // A worker takes it, then dies without recording anything.
    expect(await claimDeliveries("dead", new Date(), 10)).toHaveLength(1);
    expect(await deliverDue()).toBe(0);
    const later = new Date(Date.now() + leaseMs + 1000);
    expect(await deliverDue(() => later)).toBe(1);
    expect(receiver.succeeded()).toHaveLength(1);
  });

  it("gives each due delivery to one worker when several claim at once", async () => {
    const { id } = await endpointFor();
    for (let i = 0; i < 6; i++) await newPledge(`Claimed ${i}`);
    const now = new Date(Date.now() + 1000);
    const claims = await Promise.all(["a", "b", "c"].map((worker) => claimDeliveries(worker, now, 4)));
    // Whatever one took, the others did not; a later claim takes the rest.
    const ids = [...claims, await claimDeliveries("d", now, 6)].flat().map((delivery) => delivery.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((delivery) => delivery.endsWith(`_${id}`)).length).toBe(6);
  });
});
