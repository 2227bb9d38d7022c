// A new installation's first steps, for its admin: shown until the tracker holds a pledge of its own
// (the seeded Paris pledges are examples, not the team's data).

/** What the tracker holds that the first steps depend on. */
export interface InstallationState {
  /** Active accounts, the first admin's included. */
  accounts: number;
  /** Live pledges beyond the seed's examples. */
  ownPledges: number;
  requirements: number;
}

export interface FirstStep {
  /** Its words are the catalog's `firstRun.step.<key>`. */
  key: "accounts" | "pledges" | "requirement";
  done: boolean;
  /** Where to take it, each said by the catalog's `firstRun.link.<key>`. */
  links: { href: string; key: "manageAccounts" | "importSpreadsheet" | "addPledge" | "recordRequirement" }[];
}

/** Pledges the seed adds carry external ids in its own namespace. */
export const seedExternalIdPrefix = "seed:";

/** The first-run checklist, or null once the tracker holds a pledge of its own. */
export function firstSteps(state: InstallationState): FirstStep[] | null {
  if (state.ownPledges > 0) return null;
  return [
    {
      key: "accounts",
      done: state.accounts > 1,
      links: [{ href: "/admin", key: "manageAccounts" }],
    },
    {
      key: "pledges",
      done: false,
      links: [
        { href: "/import", key: "importSpreadsheet" },
        { href: "/pledges/new", key: "addPledge" },
      ],
    },
    {
      key: "requirement",
      done: state.requirements > 0,
      links: [{ href: "/manage/requirement/new", key: "recordRequirement" }],
    },
  ];
}
