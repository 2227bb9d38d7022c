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
  key: "accounts" | "pledges" | "requirement";
  title: string;
  done: boolean;
  links: { href: string; label: string }[];
}

/** Pledges the seed adds carry external ids in its own namespace. */
export const seedExternalIdPrefix = "seed:";

/** The first-run checklist, or null once the tracker holds a pledge of its own. */
export function firstSteps(state: InstallationState): FirstStep[] | null {
  if (state.ownPledges > 0) return null;
  return [
    {
      key: "accounts",
      title: "Create accounts for your team: analysts record pledges, viewers read them",
      done: state.accounts > 1,
      links: [{ href: "/admin", label: "Manage accounts" }],
    },
    {
      key: "pledges",
      title: "Import a spreadsheet of pledges, or add one by hand",
      done: false,
      links: [
        { href: "/import", label: "Import a spreadsheet" },
        { href: "/pledges/new", label: "Add a pledge" },
      ],
    },
    {
      key: "requirement",
      title:
        "Record what is required (such as the 50,000–100,000 personnel experts estimate), with its source",
      done: state.requirements > 0,
      links: [{ href: "/manage/requirement/new", label: "Record a requirement" }],
    },
  ];
}
