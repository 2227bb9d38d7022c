// Everything seeded traces to a sentence in ../shared/sources (see its README); quotes are verbatim
// (data.test.ts checks each against the files). Where the sources give no number, none is stored.

import type {
  ConditionStatus,
  PledgeCategory,
  PledgeStatus,
  QuantityQualifier,
  StakeholderKind,
  StakeholderRole,
} from "../../lib/rules/vocabulary";

export type SourceSlug = "paris-talks-day-two" | "after-the-paris-summit";

export interface SeedCitation {
  source: SourceSlug;
  quote: string;
}

/** The summit both documents describe: Paris, Tuesday 6 January 2026. */
export const summitDate = new Date("2026-01-06T00:00:00.000Z");

export const seedSources = [
  {
    slug: "paris-talks-day-two",
    title: "Paris talks, day two: a deterrence force, US-backed monitoring and French/UK hubs",
    fileName: "000_cc456be6a0119d59.txt",
    description:
      "News report on the second day of the Paris talks: the three pillars, red lines, and a table of stakeholder contributions and stances.",
  },
  {
    slug: "after-the-paris-summit",
    title: "After the Paris Summit: A Promise on Paper and a War That Keeps Moving the Goalposts",
    fileName: "001_1dca0362a629710a.txt",
    description:
      "Analysis after the Paris summit: the five points of the Paris Declaration, the ceasefire condition, the 50,000–100,000 troop estimate, national capacities and positions, Russia's response.",
  },
] as const satisfies readonly { slug: SourceSlug; title: string; fileName: string; description: string }[];

export interface SeedStakeholder {
  slug: string;
  name: string;
  kind: StakeholderKind;
  countryCode?: string;
  stance?: string;
  primaryContribution?: string;
  description?: string;
  citations: SeedCitation[];
}

export const seedStakeholders: SeedStakeholder[] = [
  {
    slug: "coalition-of-the-willing",
    name: "Coalition of the Willing",
    kind: "coalition",
    description: "Leaders and ministers from 35 nations met in Paris under this banner.",
    citations: [
      {
        source: "after-the-paris-summit",
        quote:
          "leaders and ministers from 35 nations gathering under the banner of the so‑called Coalition of the Willing",
      },
    ],
  },
  {
    slug: "united-states",
    name: "United States",
    kind: "state",
    countryCode: "US",
    primaryContribution: "Technical oversight & political backing",
    stance: "Supporting a “peace through strength” model.",
    citations: [
      {
        source: "paris-talks-day-two",
        quote:
          "United States | Technical oversight & political backing | Supporting a “peace through strength” model.",
      },
    ],
  },
  {
    slug: "france",
    name: "France",
    kind: "state",
    countryCode: "FR",
    primaryContribution: "Immediate troop deployment",
    stance: "Ready to lead the European contingent.",
    citations: [
      {
        source: "paris-talks-day-two",
        quote: "France | Immediate troop deployment | Ready to lead the European contingent.",
      },
    ],
  },
  {
    slug: "united-kingdom",
    name: "United Kingdom",
    kind: "state",
    countryCode: "GB",
    primaryContribution: "Long-term industrial military support",
    stance: "Focused on “fortifying” Ukrainian soil.",
    citations: [
      {
        source: "paris-talks-day-two",
        quote:
          "United Kingdom | Long-term industrial military support | Focused on “fortifying” Ukrainian soil.",
      },
    ],
  },
  {
    slug: "ukraine",
    name: "Ukraine",
    kind: "state",
    countryCode: "UA",
    primaryContribution: "Operational intelligence & sovereignty",
    stance: "Demanding ironclad, written security guarantees.",
    citations: [
      {
        source: "paris-talks-day-two",
        quote:
          "Ukraine | Operational intelligence & sovereignty | Demanding ironclad, written security guarantees.",
      },
    ],
  },
  {
    slug: "germany",
    name: "Germany",
    kind: "state",
    countryCode: "DE",
    stance:
      "Hesitant to deploy on Ukrainian soil; might place troops in neighbouring NATO countries to support logistics.",
    citations: [
      {
        source: "after-the-paris-summit",
        quote:
          "Germany has signalled it might place troops in neighbouring NATO countries to support logistics rather than enter Ukraine itself.",
      },
    ],
  },
  {
    slug: "poland",
    name: "Poland",
    kind: "state",
    countryCode: "PL",
    stance: "Will function as a logistics hub rather than send troops across the border.",
    citations: [
      {
        source: "after-the-paris-summit",
        quote: "Poland insists it will function as a logistics hub rather than send troops across the border",
      },
    ],
  },
  {
    slug: "italy",
    name: "Italy",
    kind: "state",
    countryCode: "IT",
    stance: "Hesitant about deploying forces on Ukrainian soil.",
    citations: [
      {
        source: "after-the-paris-summit",
        quote:
          "many of Europe’s other large militaries — notably Germany, Poland and Italy — are hesitant about deploying forces on Ukrainian soil",
      },
    ],
  },
  ...(
    [
      ["spain", "Spain", "ES"],
      ["turkey", "Turkey", "TR"],
      ["sweden", "Sweden", "SE"],
      ["denmark", "Denmark", "DK"],
    ] as const
  ).map(([slug, name, countryCode]): SeedStakeholder => ({
    slug,
    name,
    kind: "state",
    countryCode,
    stance: "Varying openness to contributing; not yet a decisive major troop donor.",
    citations: [
      {
        source: "after-the-paris-summit",
        quote:
          "Spain, Turkey, Sweden and Denmark have expressed varying degrees of openness to contributing, but none yet stands up as a decisive major troop donor",
      },
    ],
  })),
  {
    slug: "russia",
    name: "Russia",
    kind: "state",
    countryCode: "RU",
    stance:
      "Views any Western troop presence as a provocation; warned that NATO troops sent to Ukraine would be legitimate military targets.",
    citations: [
      {
        source: "paris-talks-day-two",
        quote:
          "The Kremlin continues to view any Western troop presence—even in a non-combat, monitoring capacity—as a provocation.",
      },
      {
        source: "after-the-paris-summit",
        quote:
          "Russia’s sharp response after Paris — warning that NATO troops sent to Ukraine would be legitimate military targets — and the use of a hypersonic Oreshnik missile on energy infrastructure near Lviv — less than 100 kilometres from the Polish border — sharpen the stakes.",
      },
    ],
  },
  {
    slug: "steve-witkoff",
    name: "Steve Witkoff",
    kind: "person",
    countryCode: "US",
    description: "US envoy at the Paris talks.",
    citations: [
      {
        source: "paris-talks-day-two",
        quote:
          "U.S. envoys Steve Witkoff and Jared Kushner signaled the White House’s readiness to support a U.S.-led monitoring mechanism",
      },
    ],
  },
  {
    slug: "jared-kushner",
    name: "Jared Kushner",
    kind: "person",
    countryCode: "US",
    description: "US envoy at the Paris talks.",
    citations: [
      {
        source: "paris-talks-day-two",
        quote:
          "U.S. envoys Steve Witkoff and Jared Kushner signaled the White House’s readiness to support a U.S.-led monitoring mechanism",
      },
    ],
  },
  {
    slug: "alexus-grynkewich",
    name: "Alexus Grynkewich",
    kind: "person",
    countryCode: "US",
    description: "US European commander; attended the Paris summit.",
    citations: [
      {
        source: "after-the-paris-summit",
        quote:
          "President Trump’s envoys — Steve Witkoff and Jared Kushner — and the US European commander Alexus Grynkewich made clear Washington was no longer in the wings.",
      },
    ],
  },
  {
    slug: "kyrylo-budanov",
    name: "Kyrylo Budanov",
    kind: "person",
    countryCode: "UA",
    description:
      "Chief of Staff in the President’s Office, formerly head of Military Intelligence (HUR); led the Ukrainian delegation.",
    citations: [
      {
        source: "paris-talks-day-two",
        quote:
          "The Paris summit serves as the international debut for General Budanov in his capacity as Chief of Staff. His transition from Military Intelligence (HUR) to the President’s Office",
      },
    ],
  },
];

/** Coalition members named as such in the sources (the other 26 of 35 are not named). */
export const seedCoalitionMembers: Record<string, string[]> = {
  "coalition-of-the-willing": [
    "france",
    "united-kingdom",
    "germany",
    "poland",
    "italy",
    "spain",
    "turkey",
    "sweden",
    "denmark",
  ],
};

export interface SeedCondition {
  slug: string;
  title: string;
  description: string;
  status: ConditionStatus;
  dependsOn?: string;
  citations: SeedCitation[];
}

export const seedConditions: SeedCondition[] = [
  {
    slug: "russia-agrees-to-ceasefire",
    title: "Russia agrees to a ceasefire",
    description:
      "The Paris plan becomes operational only if Russia signs on to a ceasefire; Russia shows no appetite for it.",
    status: "unmet",
    dependsOn: "russia",
    citations: [
      {
        source: "after-the-paris-summit",
        quote:
          "The central, blunt fact is this: the plan only becomes operational if Russia signs on to a ceasefire — and as of now, Russia shows no appetite for that kind of peace.",
      },
    ],
  },
  {
    slug: "ceasefire-line-agreed",
    title: "Boundaries of the ceasefire line agreed",
    description: "The exact geographic boundaries of a proposed ceasefire line are still being debated.",
    status: "unmet",
    citations: [
      {
        source: "paris-talks-day-two",
        quote:
          "the exact geographic boundaries of a proposed ceasefire line are still being debated behind closed doors.",
      },
    ],
  },
];

export interface SeedPledge {
  externalId: string;
  title: string;
  description: string;
  category: PledgeCategory;
  quantity?: { low: bigint; high?: bigint; unit: string; qualifier: QuantityQualifier };
  status: PledgeStatus;
  scope?: string;
  stakeholders: { slug: string; role: StakeholderRole }[];
  conditions: string[];
  /** The first citation is also the evidence for the pledge's initial status. */
  citations: [SeedCitation, ...SeedCitation[]];
}

const ceasefire = "russia-agrees-to-ceasefire";
const ceasefireLine = "ceasefire-line-agreed";

export const seedPledges: SeedPledge[] = [
  {
    externalId: "seed:deterrence-force",
    title: "Multinational deterrence force",
    description:
      "A multinational security presence of up to 30,000 personnel, intended as a “tripwire” to ensure any future ceasefire is respected. France is ready to lead the European contingent.",
    category: "force",
    quantity: { low: 30_000n, unit: "personnel", qualifier: "up_to" },
    status: "announced",
    scope: "Ukraine, after a ceasefire",
    stakeholders: [
      { slug: "coalition-of-the-willing", role: "pledger" },
      { slug: "france", role: "lead" },
      { slug: "ukraine", role: "beneficiary" },
    ],
    conditions: [ceasefire, ceasefireLine],
    citations: [
      {
        source: "paris-talks-day-two",
        quote:
          "Negotiations moved closer to finalizing a multinational security presence of up to 30,000 personnel. These troops are intended to act as a “tripwire” to ensure any future ceasefire is respected.",
      },
      {
        source: "paris-talks-day-two",
        quote: "France | Immediate troop deployment | Ready to lead the European contingent.",
      },
    ],
  },
  {
    externalId: "seed:declaration-of-intent-to-deploy",
    title: "Declaration of Intent to deploy forces to Ukraine",
    description:
      "France, the United Kingdom and Ukraine signed a Declaration of Intent to deploy forces to Ukraine in the event of a ceasefire. No troop number is stated.",
    category: "force",
    status: "committed",
    scope: "Ukraine, in the event of a ceasefire",
    stakeholders: [
      { slug: "france", role: "pledger" },
      { slug: "united-kingdom", role: "pledger" },
      { slug: "ukraine", role: "host" },
    ],
    conditions: [ceasefire],
    citations: [
      {
        source: "after-the-paris-summit",
        quote:
          "Volodymyr Zelensky, Emmanuel Macron President and Keir Starmer sign a Declaration of Intent last Tuesday to deploy forces to Ukraine in the event of a ceasefire",
      },
    ],
  },
  {
    externalId: "seed:us-led-monitoring-mechanism",
    title: "US-led ceasefire monitoring mechanism",
    description:
      "US envoys signalled the White House’s readiness to support a US-led monitoring mechanism; the Paris Declaration supports it, conditional on Moscow agreeing to a ceasefire.",
    category: "monitoring",
    status: "announced",
    stakeholders: [
      { slug: "united-states", role: "lead" },
      { slug: "coalition-of-the-willing", role: "contributor" },
    ],
    conditions: [ceasefire],
    citations: [
      {
        source: "paris-talks-day-two",
        quote:
          "U.S. envoys Steve Witkoff and Jared Kushner signaled the White House’s readiness to support a U.S.-led monitoring mechanism",
      },
      {
        source: "after-the-paris-summit",
        quote:
          "Support for a US‑proposed ceasefire monitoring system (conditional on Moscow agreeing to a ceasefire).",
      },
    ],
  },
  {
    externalId: "seed:military-assistance",
    title: "Short- and long-term military assistance",
    description:
      "Commitments to bolster Ukraine’s armed forces and defence industry, immediately and over the longer term.",
    category: "assistance",
    status: "committed",
    stakeholders: [
      { slug: "coalition-of-the-willing", role: "pledger" },
      { slug: "ukraine", role: "beneficiary" },
    ],
    conditions: [],
    citations: [
      {
        source: "after-the-paris-summit",
        quote:
          "Commitments to bolster Ukraine’s armed forces and industry over both the immediate and longer term.",
      },
    ],
  },
  {
    externalId: "seed:legally-binding-guarantees",
    title: "Legally binding security guarantees",
    description:
      "Legal, binding security guarantees should Russia strike again. What “the strongest guarantees anyone has ever seen” means in military terms was left undefined.",
    category: "guarantee",
    status: "announced",
    stakeholders: [
      { slug: "coalition-of-the-willing", role: "pledger" },
      { slug: "ukraine", role: "beneficiary" },
    ],
    conditions: [ceasefire],
    citations: [
      {
        source: "after-the-paris-summit",
        quote: "Language promising legal, binding security guarantees should Russia strike again.",
      },
      {
        source: "after-the-paris-summit",
        quote: "Yet what “strongest” means in practical, military terms was left undefined.",
      },
    ],
  },
  {
    externalId: "seed:france-uk-hubs-in-ukraine",
    title: "Permanent maintenance and manufacturing hubs in Ukraine",
    description:
      "France and the UK committed to building permanent, protected maintenance and manufacturing hubs within Ukraine.",
    category: "infrastructure",
    status: "committed",
    scope: "Within Ukraine",
    stakeholders: [
      { slug: "france", role: "pledger" },
      { slug: "united-kingdom", role: "pledger" },
      { slug: "ukraine", role: "host" },
    ],
    conditions: [],
    citations: [
      {
        source: "paris-talks-day-two",
        quote:
          "France and the UK committed to building permanent, protected maintenance and manufacturing hubs within Ukraine",
      },
    ],
  },
  {
    externalId: "seed:declaration-logistics-hubs",
    title: "Logistical and protective hubs after a ceasefire",
    description:
      "Hubs including equipment storage and maintenance facilities, to be built in allied countries or on Ukrainian soil after a ceasefire.",
    category: "infrastructure",
    status: "announced",
    scope: "Allied countries or Ukrainian soil",
    stakeholders: [
      { slug: "coalition-of-the-willing", role: "pledger" },
      { slug: "ukraine", role: "beneficiary" },
    ],
    conditions: [ceasefire],
    citations: [
      {
        source: "after-the-paris-summit",
        quote:
          "Plans for logistical and protective hubs, including equipment storage and maintenance facilities to be built in allied countries or on Ukrainian soil after a ceasefire.",
      },
    ],
  },
  {
    externalId: "seed:us-strategic-enablers",
    title: "Coordination with US strategic enablers",
    description:
      "An invitation to coordinate with American strategic enablers, such as satellite monitoring.",
    category: "enablers",
    status: "announced",
    stakeholders: [
      { slug: "coalition-of-the-willing", role: "pledger" },
      { slug: "united-states", role: "contributor" },
    ],
    conditions: [ceasefire],
    citations: [
      {
        source: "after-the-paris-summit",
        quote: "An invitation to coordinate with American strategic enablers, such as satellite monitoring.",
      },
    ],
  },
  {
    externalId: "seed:poland-logistics-hub",
    title: "Poland as a logistics hub",
    description: "Poland will function as a logistics hub rather than send troops across the border.",
    category: "infrastructure",
    status: "announced",
    scope: "Poland, not Ukrainian soil",
    stakeholders: [
      { slug: "poland", role: "pledger" },
      { slug: "ukraine", role: "beneficiary" },
    ],
    conditions: [],
    citations: [
      {
        source: "after-the-paris-summit",
        quote: "Poland insists it will function as a logistics hub rather than send troops across the border",
      },
    ],
  },
];

export interface SeedFigure {
  slug: string;
  title: string;
  unit: string;
  low: bigint;
  high: bigint;
  qualifier: QuantityQualifier;
  stakeholder?: string;
  scope?: string;
  citations: SeedCitation[];
}

export const seedRequirements: SeedFigure[] = [
  {
    slug: "credible-monitoring-force-troops",
    title: "Troops for a credible monitoring force (expert estimate)",
    unit: "personnel",
    low: 50_000n,
    high: 100_000n,
    qualifier: "exact",
    stakeholder: "coalition-of-the-willing",
    scope: "Central and eastern sectors of Ukraine near the front lines",
    citations: [
      {
        source: "after-the-paris-summit",
        quote:
          "Defence experts quoted during the summit estimate a credible monitoring force could range between 50,000 and 100,000 troops to cover central and eastern sectors of Ukraine near the front lines.",
      },
    ],
  },
];

export const seedCapacityReferences: Omit<SeedFigure, "scope">[] = [
  {
    slug: "british-army-full-time",
    title: "British Army full-time personnel",
    unit: "personnel",
    low: 70_000n,
    high: 70_000n,
    qualifier: "about",
    stakeholder: "united-kingdom",
    citations: [
      {
        source: "after-the-paris-summit",
        quote: "the British Army fields roughly 70,000 full‑time personnel",
      },
    ],
  },
  {
    slug: "france-personnel",
    title: "France: personnel",
    unit: "personnel",
    low: 260_000n,
    high: 260_000n,
    qualifier: "at_least",
    stakeholder: "france",
    citations: [
      {
        source: "after-the-paris-summit",
        quote: "the British Army fields roughly 70,000 full‑time personnel; France more than 260,000.",
      },
    ],
  },
  {
    slug: "coalition-nations-at-summit",
    title: "Nations at the Paris summit",
    unit: "nations",
    low: 35n,
    high: 35n,
    qualifier: "exact",
    stakeholder: "coalition-of-the-willing",
    citations: [{ source: "after-the-paris-summit", quote: "leaders and ministers from 35 nations" }],
  },
  {
    slug: "coalition-nations-could-contribute-personnel",
    title: "Coalition members that said they could contribute personnel (land, sea or air)",
    unit: "nations",
    low: 26n,
    high: 26n,
    qualifier: "exact",
    stakeholder: "coalition-of-the-willing",
    citations: [
      {
        source: "after-the-paris-summit",
        quote:
          "Twenty‑six of the Coalition’s 35 members have previously said they could contribute personnel to land, sea or air elements of a future mission — but few commit to deploying forces into Ukraine proper.",
      },
    ],
  },
];
