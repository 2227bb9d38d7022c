import "server-only";
import { db } from "@/server/db";

// What the admin pages and the worker read about webhook endpoints.

/** The admin setting that lets endpoints point at private, loopback and link-local addresses. */
export const privateTargetsKey = "webhooks.allowPrivateTargets";

export async function readAllowPrivateTargets(): Promise<boolean> {
  const setting = await db().setting.findUnique({ where: { key: privateTargetsKey } });
  return setting?.value === "true";
}

/** Every endpoint, newest first, with how its deliveries stand. */
export async function listEndpoints() {
  const [endpoints, counts] = await Promise.all([
    db().webhookEndpoint.findMany({
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      select: {
        id: true,
        url: true,
        description: true,
        events: true,
        disabledAt: true,
        disabledReason: true,
        createdAt: true,
      },
    }),
    db().webhookDelivery.groupBy({ by: ["endpointId", "state"], _count: { _all: true } }),
  ]);
  const countOf = (id: string, state: string) =>
    counts.find((row) => row.endpointId === id && row.state === state)?._count._all ?? 0;
  return endpoints.map((endpoint) => ({
    ...endpoint,
    pending: countOf(endpoint.id, "pending"),
    delivered: countOf(endpoint.id, "delivered"),
    failed: countOf(endpoint.id, "failed"),
  }));
}

/** One endpoint with its secret and its delivery log: the latest `limit` deliveries, each with its tries. */
export async function getEndpoint(id: string, limit = 50) {
  return db().webhookEndpoint.findUnique({
    where: { id },
    include: {
      deliveries: {
        orderBy: [{ createdAt: "desc" }, { changeId: "desc" }],
        take: limit,
        include: { tries: { orderBy: { at: "asc" } } },
      },
    },
  });
}

/**
 * Endpoints the worker disabled because their deliveries kept failing (an admin's own disabling
 * gives no reason): the admin is told of each until it is enabled again or removed.
 */
export async function readFailedEndpoints() {
  return db().webhookEndpoint.findMany({
    where: { disabledAt: { not: null }, disabledReason: { not: null } },
    orderBy: { disabledAt: "desc" },
    select: { id: true, url: true, disabledAt: true, disabledReason: true },
  });
}
