import type { PrismaClient } from "../../server/prisma-client";

/**
 * Withdraws a pledge as the writer records it: the new status, its version moved on, and a history
 * entry dated `occurredAt`. For tests that need a withdrawal on a given day, which the app's forms
 * date today.
 */
export async function withdrawPledge(
  client: Omit<PrismaClient, `$${string}`>,
  externalId: string,
  occurredAt: Date,
  note: string,
): Promise<void> {
  const pledge = await client.pledge.findFirstOrThrow({
    where: { externalId },
    select: { id: true, status: true },
  });
  await client.pledge.update({
    where: { id: pledge.id },
    data: {
      status: "withdrawn",
      version: { increment: 1 },
      statusChanges: {
        create: { fromPledgeStatus: pledge.status, toPledgeStatus: "withdrawn", occurredAt, note },
      },
    },
  });
}
