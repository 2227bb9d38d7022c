import "server-only";
import { db } from "@/server/db";
import { firstSteps, seedExternalIdPrefix } from "@/lib/rules/first-run";

/** The first-run checklist for this installation, or null once it holds a pledge of its own. */
export async function loadFirstSteps() {
  const [accounts, ownPledges, requirements] = await Promise.all([
    db().user.count({ where: { deactivatedAt: null } }),
    db().pledge.count({
      where: {
        deletedAt: null,
        OR: [{ externalId: null }, { NOT: { externalId: { startsWith: seedExternalIdPrefix } } }],
      },
    }),
    db().requirement.count(),
  ]);
  return firstSteps({ accounts, ownPledges, requirements });
}
