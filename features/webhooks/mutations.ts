import "server-only";
import { randomBytes } from "node:crypto";
import type { Principal } from "@/lib/access";
import { invalid } from "@/lib/validation-message";
import { WriteError } from "@/lib/write-error";
import {
  endpointUrlProblem,
  eventsColumn,
  hostOf,
  leaseMs,
  nextAttemptAt,
  retryForMs,
} from "@/lib/rules/webhooks";
import { resolvedAddressProblem } from "@/server/webhook-sender";
import { changeLogRow } from "@/features/api/queries";
import { recordAudit } from "@/server/audit";
import { db } from "@/server/db";
import { databaseKind } from "@/server/env";
import { privateTargetsKey, readAllowPrivateTargets } from "./queries";
import type { EndpointInput } from "./schemas";

// Admins' writes to webhook endpoints (each audited), and the worker's: claiming deliveries that
// are due, and recording how each try went.

/** A new signing secret, as Standard Webhooks writes them: `whsec_` and 24 random bytes in base64. */
const newSecret = () => `whsec_${randomBytes(24).toString("base64")}`;

/** Registers an endpoint, refused when its address may not be sent to. Returns its id. */
export async function createEndpoint(actor: Principal, input: EndpointInput): Promise<string> {
  const allowPrivate = await readAllowPrivateTargets();
  // The address's own problems are said of "the address"; a looked-up host's name its own.
  const addressProblem = endpointUrlProblem(input.url, allowPrivate);
  const refusal = addressProblem
    ? invalid("refusal.endpointAddress", { problem: addressProblem })
    : await resolvedAddressProblem(hostOf(new URL(input.url)), allowPrivate);
  if (refusal) throw new WriteError("invalid", refusal, { fields: { url: refusal } });
  return db().$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.create({
      data: {
        url: input.url,
        description: input.description ?? null,
        events: eventsColumn(input.events),
        secret: newSecret(),
        createdById: actor.kind === "user" ? actor.id : null,
      },
      select: { id: true, url: true, description: true, events: true },
    });
    await recordAudit(tx, actor, {
      action: "create",
      entityType: "WebhookEndpoint",
      entityId: endpoint.id,
      after: endpoint,
    });
    return endpoint.id;
  });
}

/**
 * Stops or resumes sending to an endpoint; false when there is none. Resumed, what it holds (waiting,
 * or given up when it was disabled) is tried afresh, for another day: but not a delivery a worker is
 * sending now (its lease is live).
 */
export async function setEndpointEnabled(actor: Principal, id: string, enabled: boolean): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const before = await tx.webhookEndpoint.findUnique({
      where: { id },
      select: { disabledAt: true, disabledReason: true },
    });
    if (!before) return false;
    // Already as asked: nothing to do (a second press, two admins at once).
    if ((before.disabledAt === null) === enabled) return true;
    const now = new Date();
    const after = enabled
      ? { disabledAt: null, disabledReason: null }
      : { disabledAt: now, disabledReason: null };
    await tx.webhookEndpoint.update({ where: { id }, data: after });
    if (enabled) {
      await tx.webhookDelivery.updateMany({
        where: {
          endpointId: id,
          state: { in: ["pending", "failed"] },
          OR: [{ leasedUntil: null }, { leasedUntil: { lt: now } }],
        },
        data: { state: "pending", attempts: 0, firstAttemptAt: null, nextAttemptAt: now },
      });
    }
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "WebhookEndpoint",
      entityId: id,
      before,
      after,
    });
    return true;
  });
}

/** Removes an endpoint and its delivery log; false when there is none. */
export async function deleteEndpoint(actor: Principal, id: string): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const before = await tx.webhookEndpoint.findUnique({
      where: { id },
      select: { id: true, url: true, description: true, events: true },
    });
    if (!before) return false;
    await tx.webhookEndpoint.delete({ where: { id } });
    await recordAudit(tx, actor, { action: "delete", entityType: "WebhookEndpoint", entityId: id, before });
    return true;
  });
}

/** The admin setting that lets endpoints point at private, loopback and link-local addresses. */
export async function setAllowPrivateTargets(actor: Principal, allow: boolean): Promise<void> {
  await db().$transaction(async (tx) => {
    const before = await tx.setting.findUnique({ where: { key: privateTargetsKey } });
    const value = String(allow);
    await tx.setting.upsert({
      where: { key: privateTargetsKey },
      update: { value },
      create: { key: privateTargetsKey, value },
    });
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "Setting",
      entityId: privateTargetsKey,
      before: before && { value: before.value },
      after: { value },
    });
  });
}

/**
 * Takes up to `limit` deliveries that are due (pending, their time come, not leased to a live
 * worker, their endpoint enabled) for `worker` until the lease ends, and returns them to send. On
 * PostgreSQL several instances claim at once: `FOR UPDATE SKIP LOCKED` gives each row to one.
 */
export async function claimDeliveries(worker: string, now: Date, limit: number) {
  const leasedUntil = new Date(now.getTime() + leaseMs);
  let ids: string[];
  if (databaseKind() === "postgresql") {
    const rows = await db().$queryRaw<{ id: string }[]>`
      UPDATE "WebhookDelivery" SET "leasedUntil" = ${leasedUntil}, "leasedBy" = ${worker}
      WHERE "id" IN (
        SELECT d."id" FROM "WebhookDelivery" d JOIN "WebhookEndpoint" e ON e."id" = d."endpointId"
        WHERE d."state" = 'pending' AND d."nextAttemptAt" <= ${now}
          AND (d."leasedUntil" IS NULL OR d."leasedUntil" < ${now}) AND e."disabledAt" IS NULL
        ORDER BY d."nextAttemptAt", d."changeId"
        LIMIT ${limit}
        FOR UPDATE OF d SKIP LOCKED)
      RETURNING "id"`;
    ids = rows.map((row) => row.id);
  } else {
    // One writer at a time: the lease is set only where no other worker's is live, so of two
    // processes reading the same rows, one gets each.
    const due = await db().webhookDelivery.findMany({
      where: {
        state: "pending",
        nextAttemptAt: { lte: now },
        OR: [{ leasedUntil: null }, { leasedUntil: { lt: now } }],
        endpoint: { disabledAt: null },
      },
      orderBy: [{ nextAttemptAt: "asc" }, { changeId: "asc" }],
      take: limit,
      select: { id: true },
    });
    if (due.length === 0) return [];
    await db().webhookDelivery.updateMany({
      where: {
        id: { in: due.map((row) => row.id) },
        OR: [{ leasedUntil: null }, { leasedUntil: { lt: now } }],
      },
      data: { leasedUntil, leasedBy: worker },
    });
    ids = due.map((row) => row.id);
  }
  if (ids.length === 0) return [];
  return db().webhookDelivery.findMany({
    where: { id: { in: ids }, leasedBy: worker, leasedUntil },
    orderBy: [{ nextAttemptAt: "asc" }, { changeId: "asc" }],
    include: {
      endpoint: { select: { url: true, secret: true } },
      change: changeLogRow,
    },
  });
}

export type ClaimedDelivery = Awaited<ReturnType<typeof claimDeliveries>>[number];

/** How one try went: the status answered (or none), why it failed (or null), and how long it took. */
export interface Attempt {
  at: Date;
  status: number | null;
  error: string | null;
  durationMs: number;
}

/**
 * Records a try at `delivery` with the body sent: delivered; or tried again later (exponential
 * backoff); or, after a day of failures, given up, and its endpoint disabled with the reason, for
 * the admin to see. Only while `worker` still holds the lease (else another has taken it over).
 */
export async function recordAttempt(
  worker: string,
  delivery: ClaimedDelivery,
  payload: string,
  attempt: Attempt,
): Promise<void> {
  const firstAttemptAt = delivery.firstAttemptAt ?? attempt.at;
  const failures = delivery.attempts + 1;
  const next = attempt.error === null ? null : nextAttemptAt(firstAttemptAt, failures, attempt.at);
  const state = attempt.error === null ? "delivered" : next ? "pending" : "failed";
  await db().$transaction(async (tx) => {
    const { count } = await tx.webhookDelivery.updateMany({
      where: { id: delivery.id, leasedBy: worker, state: "pending" },
      data: {
        payload,
        state,
        attempts: failures,
        firstAttemptAt,
        nextAttemptAt: next ?? attempt.at,
        deliveredAt: state === "delivered" ? attempt.at : null,
        leasedUntil: null,
        leasedBy: null,
      },
    });
    if (count === 0) return;
    await tx.webhookAttempt.create({
      data: {
        deliveryId: delivery.id,
        at: attempt.at,
        status: attempt.status,
        error: attempt.error,
        durationMs: attempt.durationMs,
      },
    });
    if (state === "failed") {
      await tx.webhookEndpoint.updateMany({
        where: { id: delivery.endpointId, disabledAt: null },
        data: {
          disabledAt: attempt.at,
          disabledReason: invalid("refusal.deliveryGaveUp", {
            delivery: delivery.id,
            event: delivery.eventType,
            hours: retryForMs / 3_600_000,
            last: attempt.error ?? "",
          }),
        },
      });
    }
  });
}
