import "server-only";
import { randomUUID } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { changeLogEntries } from "@/features/api";
import { postWebhook } from "@/server/webhook-sender";
import { claimDeliveries, recordAttempt, type ClaimedDelivery } from "./mutations";
import { readAllowPrivateTargets } from "./queries";

// The webhook worker: runs in every server process (instrumentation.ts), takes the deliveries that
// are due from the outbox, sends each signed per Standard Webhooks, and records how it went.

/** This process, as the leases it takes name it. */
const worker = `${process.pid}-${randomUUID().slice(0, 8)}`;
/** Deliveries taken at a time (sent together). */
const batch = 20;
/** How often the worker looks for due deliveries when it found none. */
const pollMs = 1000;

/**
 * The body each delivery sends, made at its first try and kept for every retry: the change as the
 * change log's API gives it (the record as it stood then), with its type and when it was sent. The
 * records of a batch's new deliveries are read together.
 */
async function bodiesOf(claimed: readonly ClaimedDelivery[], now: Date): Promise<Map<string, string>> {
  const fresh = claimed.filter((delivery) => delivery.payload === null);
  const entries = await changeLogEntries(fresh.map((delivery) => delivery.change));
  return new Map(
    claimed.map((delivery) => {
      const n = fresh.indexOf(delivery);
      const body =
        delivery.payload ??
        JSON.stringify({ type: delivery.eventType, timestamp: now.toISOString(), data: entries[n] });
      return [delivery.id, body] as const;
    }),
  );
}

async function send(
  delivery: ClaimedDelivery,
  payload: string,
  allowPrivate: boolean,
  now: () => Date,
): Promise<void> {
  const sentAt = new Date();
  const signature = new Webhook(delivery.endpoint.secret).sign(delivery.id, sentAt, payload);
  const started = performance.now();
  const outcome = await postWebhook(
    delivery.endpoint.url,
    {
      "webhook-id": delivery.id,
      "webhook-timestamp": String(Math.floor(sentAt.getTime() / 1000)),
      "webhook-signature": signature,
    },
    payload,
    allowPrivate,
  );
  await recordAttempt(worker, delivery, payload, {
    at: now(),
    status: outcome.status,
    error: outcome.error,
    durationMs: Math.round(performance.now() - started),
  });
}

/**
 * Sends what is due at `now` (the clock, unless a test moves it on), a batch at a time until none is
 * left. Returns how many deliveries it tried.
 */
export async function deliverDue(now: () => Date = () => new Date()): Promise<number> {
  let tried = 0;
  for (;;) {
    const at = now();
    const claimed = await claimDeliveries(worker, at, batch);
    if (claimed.length === 0) return tried;
    const allowPrivate = await readAllowPrivateTargets();
    // Every send ends (each try has its deadline) before the next claim: one that failed to be
    // recorded is taken again once its lease is over.
    const bodies = await bodiesOf(claimed, now());
    const outcomes = await Promise.allSettled(
      claimed.map((delivery) => send(delivery, bodies.get(delivery.id)!, allowPrivate, now)),
    );
    tried += claimed.length;
    const failed = outcomes.find((outcome) => outcome.status === "rejected");
    if (failed) throw failed.reason;
  }
}

const held = globalThis as unknown as { webhookWorker?: NodeJS.Timeout };

/**
 * Starts looking for due deliveries every second, in this process, unless WEBHOOKS=off (an instance
 * that should not send; the others do). Once per process.
 */
export function startWebhookWorker(): void {
  if (held.webhookWorker || process.env.WEBHOOKS === "off") return;
  let reported = false;
  const round = async () => {
    try {
      await deliverDue();
      reported = false;
    } catch (error) {
      // Once per spell of failures (a database that went away), not every second.
      if (!reported) console.error("Webhook worker:", error instanceof Error ? error.message : error);
      reported = true;
    }
    held.webhookWorker = setTimeout(() => void round(), pollMs).unref();
  };
  held.webhookWorker = setTimeout(() => void round(), pollMs).unref();
}
