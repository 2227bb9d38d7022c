// The words that mark a pledge, a refusal, a condition, a requirement, a capacity and a delivery,
// and the words that say what a pledge is for. Kept as lists of phrases, not sentences: they are
// meant for any report on the talks, not for the two the product was specified from.

import type { PledgeCategory, PledgeStatus } from "../vocabulary";

/** A pattern matching any of the phrases as whole words, hyphens and spaces of any kind between words. */
export function phrasePattern(phrases: readonly string[], flags = "giu"): RegExp {
  const space = "[\\s\\u00a0]+";
  // "…" in a phrase stands for up to three words: "willingness … to"; never a negation or a new
  // clause ("agreed not to", "agreed that Russia needs to").
  const gap = `(?:(?!(?:not|never|that|whether|if)\\b)\\S+${space}){0,3}?`;
  const alternatives = [...phrases]
    .sort((a, b) => b.length - a.length)
    .map((phrase) =>
      phrase
        .split(/\s+/)
        .map((word, index, words) => {
          if (word === "…") return gap;
          const escaped = word
            .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
            .replace(/-/g, "[-\\u2010\\u2011\\u2012\\u2013]")
            // One apostrophe, straight or curly, as news sets either: "Ukraine's" is "Ukraine’s".
            .replace(/['’]/g, "['’]");
          return index < words.length - 1 ? escaped + space : escaped;
        })
        .join(""),
    );
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}])`, flags);
}

export interface Cue {
  pattern: RegExp;
  /** The status a pledge stated this way has reached. */
  status: PledgeStatus;
}

/** Verbs and nouns that make a pledge, strongest first. A signature or a commitment is "committed"; an offer is "announced". */
export const pledgeCues: Cue[] = [
  {
    status: "committed",
    pattern: phrasePattern([
      "committed to",
      "committed themselves to",
      "commit themselves to",
      "commit to",
      "commits to",
      "signed",
      "sign",
      "signs",
      "signing of",
      "accepted",
      "adopted",
      "has committed",
      "have committed",
      "had committed",
      "endorsed",
      "formalised",
      "formalized",
      "agreed … to",
      "agree to",
      "agrees to",
      "agreed on",
      "agrees on",
      "agree on",
      "approved",
      "ratified",
      "binding themselves to",
      "legally obliged to",
      "obliged to",
      "obligated to",
      "bind themselves to",
      "bound themselves to",
      "Declaration of Intent",
    ]),
  },
  {
    status: "announced",
    pattern: phrasePattern([
      "pledged",
      "pledges support",
      "pledges to",
      "pledged to",
      "pledging to",
      "pledging",
      "pledge to",
      "promised",
      "promising",
      "promises to",
      "promise to",
      "vowed",
      "vows",
      "vow to",
      "vowing to",
      "offered",
      "offers",
      "offer to",
      "offering to",
      "announced",
      "ready to",
      "readiness to",
      "prepared to",
      "willing to",
      "does not rule out",
      "do not rule out",
      "have planned",
      "has planned",
      "is planned to",
      "are planned to",
      "is also planned to",
      "willingness … to",
      "readiness … to",
      "indicated their readiness",
      "expressed their readiness",
      "expressed readiness",
      "signalled readiness",
      "intention to",
      "contributions from",
      "also includes",
      "also include",
      ...["would see", "will see"].flatMap((see) =>
        ["lead", "deploy", "deploying", "send", "sending", "sent", "station", "stationing", "establish"].map(
          (act) => `${see} … ${act}`,
        ),
      ),
      "assume responsibility",
      "take responsibility",
      "taking responsibility",
      "takes responsibility",
      "took responsibility",
      "openness to",
      ...["deploying", "sending", "participating", "contributing", "the idea"].map(
        (what) => `open to ${what}`,
      ),
      ...["has extended", "have extended", "extended"].flatMap((verb) =>
        ["its deployment", "their deployment", "its mission", "its contribution"].map(
          (what) => `${verb} ${what}`,
        ),
      ),
      "stands ready",
      "could contribute",
      "can contribute",
      "would contribute",
      "might place",
      "intends to",
      "plans to",
      "plans for",
      "plan for",
      "aims to",
      "poised to",
      "is set to",
      "are set to",
      "introduces",
      "establishes",
      "provides for",
      "provide for",
      "commits … to",
      "committing … to",
      "foresees",
      "envisages",
      "contemplates",
      "proposed",
      "creation of",
      "creating",
      "pledge for",
      ...["considering", "is considering", "are considering"].flatMap((weighing) =>
        ["sending", "deploying", "contributing", "including", "stationing"].map(
          (act) => `${weighing} ${act}`,
        ),
      ),
      "a pledge to",
      "largely finished",
      "backing the",
      "backed the",
      // "The United States has backed security guarantees": a party's backing, said with its auxiliary.
      "has backed",
      "have backed",
      "stands behind",
      "stand behind",
      ...["guarantees", "declaration", "agreement", "plan", "framework", "package", "commitments"].flatMap(
        (what) => [`${what} include the`, `${what} includes the`],
      ),
      "also include the",
      "also includes the",
      "will include the",
      "validated",
      "agreement to",
      "plan to",
      "endorsement of",
      "endorsement for",
      "backing for",
      "largely finalised",
      "largely finalized",
      "finalised",
      "finalized",
      "moved closer to finalizing",
      "moved closer to finalising",
      "finalizing",
      "finalising",
      "commitments to",
      "commitment to",
      "support for",
      "an invitation to",
      "invitation to",
      "will function as",
      "will serve as",
      "will act as",
      "to lead",
    ]),
  },
  {
    // "will establish", "would provide", "could be deployed", "is set to deploy": what a party says it will do.
    status: "announced",
    pattern: new RegExp(
      `(?<![\\p{L}])(?:(?:will|would|could|shall|can|may|might)(?:\\s+(?:also|jointly|then|now|continue\\s+to|continue\\s+(?:its|their|our)\\s+(?:efforts|work)\\s+to|help(?:\\s+to)?|\\p{L}+ly))?|(?:is|are)\\s+(?:set\\s+)?to|(?:is\\s+|are\\s+)?expected\\s+to)\\s+["“'‘]?(?:${[
        "provide",
        "coordinate",
        "create",
        "support",
        "play",
        "assume",
        "take part",
        "strengthen",
        "send",
        "deploy",
        "contribute",
        "supply",
        "fund",
        "finance",
        "lead",
        "host",
        "establish",
        "build",
        "set up",
        "secure",
        "train",
        "participate",
        "station",
        "place",
        "offer",
        "assist",
        "monitor",
        "deliver",
        "protect",
        "oversee",
        "become",
        "operate",
        "join",
        "include",
        "be responsible for",
        "be part of",
        "focus on",
        "be limited to",
        "be confined to",
        "be restricted to",
        "take charge of",
        "be deployed",
        "be stationed",
        "be sent",
        "be established",
        "be built",
        "be provided",
        "be placed",
        "be represented",
        "be mobilized",
        "be mobilised",
      ]
        .join("|")
        .replace(/ /g, "\\s+")})(?![\\p{L}])`,
      "giu",
    ),
  },
];

/** Words that make the cue after them no pledge: "few commit to", "if you promise", "no BRICS country has offered", a summit "aimed at finalizing". */
export const negatedBefore =
  /(?:\b(?:few|no|none|nobody|not|never|if|whether|from|aimed\s+at|rejected|opposed|dismissed|critici[sz]ed)\s+(?:(?!that\b)\S+\s+){0,3})$/iu;

const refusedActs = [
  "send",
  "deploy",
  "contribute",
  "commit",
  "provide",
  "put",
  "join",
  "participate",
  "take part",
  "station",
  "supply",
  // "would not serve as combat forces": the part refused ("would not serve Ukraine's interests" is none).
  "serve as",
];

/** What a refusal points back at: "denied this possibility". */
const saidBefore = [
  "this possibility",
  "the possibility",
  "the idea",
  "this idea",
  "this option",
  "the prospect",
];
export const refusesWhatWasSaid = phrasePattern(saidBefore, "iu");

/** Declining to say is no refusal of a pledge: "he declined to identify them". */
export const declinedToSay = phrasePattern(
  ["declined", "declines", "refused", "refuses"].flatMap((verb) =>
    [
      "identify",
      "comment",
      "say",
      "disclose",
      "name",
      "specify",
      "elaborate",
      "confirm",
      "reveal",
      "give details",
    ].map((act) => `${verb} to ${act}`),
  ),
  "iu",
);

/** A refusal: the stakeholder says it will not. */
export const refusalCue = phrasePattern([
  ...[
    "will not",
    "won't",
    "would not",
    "wouldn't",
    "will never",
    "does not intend to",
    "do not intend to",
  ].flatMap((negation) =>
    [...refusedActs, "be sent", "be deployed", "be stationed"].map((act) => `${negation} ${act}`),
  ),
  "not considering",
  "has no intention",
  "have no intention",
  "ruled out",
  "rules out",
  "ruling out",
  "refused to",
  "refuses to",
  "refuse to",
  "declined to",
  "declines to",
  "rather than send",
  "rather than enter",
  "rather than deploy",
  "rather than commit",
  "rather than put",
  "rather than inside",
  "not prepared to",
  "not ready to",
  "without entering",
  "without deploying",
  "without sending",
  "refusal to",
  "not willing to",
  "unwilling to",
  "no plans to",
  "no intention of",
  "no … troops on the ground",
  ...["would", "will"].flatMap((modal) => ["troops", "soldiers"].map((who) => `no … ${who} ${modal} be`)),
  "no ground troops",
  // What was said before, refused: "Meloni has categorically denied this possibility".
  ...["denied", "rejected", "dismissed", "excluded"].flatMap((verb) =>
    saidBefore.map((what) => `${verb} ${what}`),
  ),
]);

/**
 * A deployment left to a vote is not yet pledged: "any deployment would be subject to a parliamentary
 * vote", "plans to deploy troops would be put to parliament". The words before it say what is held back.
 */
export const voteReservationCue = phrasePattern(
  ["would", "will"].flatMap((modal) =>
    [
      "be subject to",
      "require",
      "need",
      "be put to",
      "be put before",
      "also be put before",
      "also be put to",
    ].flatMap((then) =>
      [
        "parliament",
        "parliamentary approval",
        "parliamentary mandate",
        "vote",
        "Bundestag mandate",
        "Bundestag's approval",
        "lawmakers",
        "MPs",
      ].map((what) => `${modal} ${then} … ${what}`),
    ),
  ),
);

/** A reservation: short of a refusal, but no pledge. */
export const reservationCue = phrasePattern([
  "did not say whether",
  "has not said whether",
  "have not said whether",
  "has not pledged",
  "have not pledged",
  "would consider proposals",
  "might consider",
  "may consider",
  "could consider",
  "no decision on",
  "hesitant about",
  "hesitant to",
  "reluctant to",
  "reservations about",
  "sceptical about",
  "skeptical about",
  "wary of",
  "remains a theoretical possibility",
  "remains a possibility",
  "remains unclear whether",
  // Undecided, in the words news uses for it: "the use of Canadian troops remains only “a
  // possibility”", "has yet to decide". Not "it is unclear whether", which says nothing of who.
  "undecided on",
  "undecided about",
  "undecided whether",
  "yet to decide",
  "yet to commit",
  "not yet decided",
  "has not decided",
  "have not decided",
  "remains only a possibility",
  "remains only “a possibility",
  "remains just a possibility",
  "weighing whether",
  "considering whether",
  "no decision has been made",
  "did not sign",
  "has not signed",
  "have not signed",
  "no immediate decision",
]);

/**
 * What each category of pledge is about, with weights: a phrase that names the category outright
 * weighs more than a word that only leans to it ("strategic enablers" beats "satellite monitoring").
 */
export const categoryWords: Record<
  Exclude<PledgeCategory, "other">,
  [phrases: string[], weight: number][]
> = {
  force: [
    [
      [
        "deterrence force",
        "security presence",
        "reassurance force",
        "multinational force",
        "multinational forces",
        "troop deployment",
        "boots on the ground",
        "contingent",
        "military role",
        "military involvement",
        "military contribution",
        "participate militarily",
        "troop presence",
        "military presence",
        "company-sized",
        "battalion-sized",
        "brigade-sized",
        "combat unit",
      ],
      3,
    ],
    [
      [
        "troops",
        "troop",
        "forces",
        "soldiers",
        "personnel",
        "deploy",
        "deploying",
        "deployment",
        "brigade",
        "battalion",
        "peacekeepers",
        "peacekeeping",
        "tripwire",
        "reassurance",
        "maritime",
        "naval",
        "Black Sea",
        "deployments",
        "deployed",
        "stationed",
        "be sent",
        "presence",
        "militarily",
        "engineers",
        "medics",
      ],
      2,
    ],
    [["force", "contribute", "contributing"], 1],
  ],
  monitoring: [
    [
      [
        "monitoring mechanism",
        "monitoring system",
        "monitoring force",
        "monitoring mission",
        "ceasefire monitoring",
        "observer mission",
        "verification mechanism",
      ],
      3,
    ],
    [["monitoring", "monitor", "observers", "oversight", "verification"], 2],
  ],
  infrastructure: [
    [
      [
        "maintenance and manufacturing hubs",
        "logistics hub",
        "logistical and protective hubs",
        "maintenance facilities",
        "manufacturing hubs",
        "equipment storage",
        "military centers",
        "military centres",
      ],
      3,
    ],
    [
      [
        "hub",
        "hubs",
        "facilities",
        "depots",
        "bases",
        "storage",
        "maintenance",
        "manufacturing",
        "infrastructure",
      ],
      2,
    ],
    [["centers", "centres"], 1],
  ],
  guarantee: [
    [
      [
        "security guarantees",
        "binding commitments",
        "binding pledges",
        "binding pledge",
        "come to Ukraine's aid",
        "come to the aid of Ukraine",
        "security guarantee",
        "binding guarantees",
        "legally binding",
        "politically binding",
        "legally and politically binding",
        "legally obliged",
        "security protocols",
        "security arrangements",
        "security framework",
        "backstop",
        "Article 5",
      ],
      3,
    ],
    [
      [
        "guarantees",
        "guarantee",
        "guaranteed",
        "assurance",
        "invasions",
        "invasion",
        "future attack",
        "future attacks",
        "deter",
        "further hostilities",
      ],
      2,
    ],
  ],
  assistance: [
    [
      [
        "military assistance",
        "weapons deliveries",
        "military aid",
        "military support",
        "defence industry",
        "defense industry",
        "armed forces and industry",
        "defence capabilities",
        "defense capabilities",
        "defence support",
        "defense support",
        // Training Ukraine's soldiers is assistance, not soldiers of one's own.
        ...["train", "training", "to train"].flatMap((verb) =>
          [
            "soldiers",
            "troops",
            "Ukrainian soldiers",
            "Ukrainian troops",
            "Ukrainian forces",
            "the Ukrainian",
          ].map((whom) => `${verb} ${whom}`),
        ),
        "training of Ukrainian",
        // Ukraine's own army: supporting it is assistance, not a force of one's own.
        "Armed Forces of Ukraine",
        "Ukrainian brigade",
        "Ukrainian brigades",
        "Ukraine's armed forces",
        "Ukrainian armed forces",
        "Ukraine's military",
        "Ukrainian military",
        "Ukraine's army",
        "Ukrainian army",
        "financial support",
      ],
      3,
    ],
    [
      [
        "assistance",
        "aid",
        "bolster",
        "training",
        "weapons",
        "funding",
        "financing",
        "equipment",
        "rebuilding",
        "regenerating",
        "regeneration",
        "bolstering",
        "strengthening",
        "strengthen",
        "ammunition",
        "armaments",
        "arms",
        "air defence",
        "air defense",
        "anti-aircraft",
        "financially",
        "financial",
      ],
      2,
    ],
    // Support of any kind leans to assistance, when nothing names another category.
    [["support", "supporting"], 0.5],
  ],
  enablers: [
    [
      [
        "strategic enablers",
        "enablers",
        "air surveillance",
        "aerial surveillance",
        "maritime surveillance",
        "satellite monitoring",
        "intelligence sharing",
        "air policing",
        "airlift",
        "intelligence, surveillance",
      ],
      3,
    ],
    // Logistics supports others' forces: an enabler, unless it is a hub or a depot (infrastructure).
    [["logistics", "logistical", "logistic support", "refuelling", "refueling"], 2],
    [["satellite", "satellites", "intelligence", "surveillance", "reconnaissance"], 1],
  ],
};

/** Condition cues whose words after them state the condition: "in the event of a ceasefire". */
export const conditionLeads = phrasePattern([
  "in the event of",
  "in the event that",
  // "in the event a peace deal is reached"
  "in the event",
  "conditional on",
  "conditional upon",
  "contingent on",
  "contingent upon",
  "dependent on",
  "in the case of",
  "in case of",
  "until",
  "subject to",
  "only if",
  "only when",
  "provided that",
  "providing that",
  "on condition that",
  "as long as",
  "unless",
  "pending",
  "once",
  "depends on",
  "depend on",
  "depending on",
  "assuming",
  "need to see",
  "needs to see",
  "would need to see",
  "will need to see",
  "conditioned on",
  "conditioned upon",
  // "conditioned in particular on a solid safety net"
  "conditioned … on",
  "conditional … on",
  "contingent … on",
  "in the context of",
  "with the achievement of",
  "with the establishment of",
]);

/** "without a US backstop": what is missing is what a pledge waits for (not "without preconditions"). */
export const withoutWhat =
  /\bwithout\s+(?:a|an|the|any)\s+(?:(?!waiting|delay|preconditions?|conditions?)[\p{L}.’'-]+\s+){0,2}?(?:backstop|security\s+guarantees?|guarantees?|ceasefire|cease-fire|truce|mandate|peace\s+(?:deal|agreement)|settlement)\b/giu;

/** "after a ceasefire", "once a peace deal": a time that is a condition only when it names an event of the war. */
export const eventWords = phrasePattern([
  "ceasefire",
  "cease-fire",
  "truce",
  "armistice",
  "peace deal",
  "peace agreement",
  "peace",
  "agreement",
  "deal",
  "settlement",
  "attack",
  "attacks",
  "strike",
  "aggression",
  "invasion",
  "vote",
  "approval",
  "approves",
  "votes",
  "mandate",
  "resolution",
  "guarantee",
  "backstop",
  "signs on",
  "agrees",
  "agreeing",
  "cessation of hostilities",
  "invades",
  "invade",
  "attacks again",
  "attacked",
  "fighting",
  "ceased",
  "hostilities",
  "conflict",
  "war",
  "end of the war",
  "war ends",
  "final deal",
  // "once the conditions are clarified", "only if conditions allow": conditions not yet named.
  "conditions",
  "preconditions",
]);

/** "after a ceasefire": after (or following) an event of the war. */
export const afterEvent =
  /\b(?:(?:after|following|upon)\s+the\s+(?:conclusion|signing)\s+of\s+(?:a|an|the)\s+(?:peace\s+(?:deal|agreement|settlement)|ceasefire|cease-fire|truce|armistice)|(?:after|following|upon)\s+(?:peace\s+(?:deal|agreement)|ceasefire|truce)\b|post\s+(?:a|the)\s+(?:ceasefire|cease-fire|truce|peace\s+deal)|(?:after|following|upon)\s+(?:a|an|the|any)\s+(?:\S+\s+){0,2}?(?:ceasefire|cease-fire|truce|armistice|peace\s+(?:deal|agreement|settlement)|settlement|(?:war|conflict)(?:\s+with\s+\S+)?\s+(?:ends|ended|is\s+over|has\s+ended)|(?:end|conclusion)\s+of\s+(?:the\s+)?(?:war|conflict|hostilities|fighting))|(?:after|following|upon)\s+(?:the\s+)?(?:hostilities|fighting)\s+(?:end|ends|ended|stop|stops|cease|ceases)|(?:after|following|upon)\s+the\s+(?:war|conflict)['’]s\s+(?:end|conclusion)|(?:after|following)\s+the\s+war(?![-\u2011]|\s+(?:in|of)\s+\d)|post[-\u2011](?:ceasefire|truce|armistice|settlement|hostilities))\b/giu;

/** "when diplomacy succeeds in bringing the war to an end", "the moment fighting was brought to a halt". */
export const whenEvent =
  /\b(?:when|as\s+soon\s+as|the\s+moment|the\s+day)\s+(?:\S+\s+){0,6}?(?:(?:war|conflict|fighting|hostilities)\s+(?:ends|end|is\s+over|stops|ceases|cease)|to\s+(?:an\s+end|a\s+halt)|(?:ceasefire|truce|peace\s+deal|peace\s+agreement)\s+(?:is|has\s+been)\s+(?:reached|agreed|signed|in\s+place))\b/giu;

/** "the ceasefire must be agreed with the Russian side": an event that has to happen first. */
export const mustEvent =
  /\b(?:a|an|the|any)\s+(?:\S+\s+){0,1}?(?:ceasefire|cease-fire|truce|armistice|peace\s+(?:deal|agreement|settlement)|settlement)\s+(?:must|has\s+to|needs\s+to)\s+(?:first\s+)?be\s+(?:agreed|reached|signed|secured|in\s+place)\b/giu;

/** "certain conditions must be met, including …": conditions said to come first. */
export const conditionsToMeet =
  /\b(?:(?:certain|several|some|the|these|those|two|three|four|clear)\s+)?(?:pre)?conditions\s+(?:must|have\s+to|need\s+to|would\s+have\s+to|will\s+have\s+to|should)\s+(?:first\s+)?be\s+(?:met|fulfilled|satisfied|in\s+place)\b/giu;

/** "Were troops to be deployed…", "were Russia to attack": an inverted "were" opens a condition. */
export const invertedWere =
  /(?<=(?:^|[,;:“"(]\s{0,3}|\b(?:and|but|And|But)\s{1,3}))[Ww]ere\s+(?!(?:expected|set|due|able|going|ready|about|likely|unlikely|unable|willing|prepared|supposed|meant|asked|told|invited|said|reported|believed|thought)\b)(?:[\p{L}’'-]+\s+){1,3}?to\s+\p{L}+/gu;

/**
 * "if a ceasefire is reached", "should Russia strike again": "if" or an inverted "should" (followed by
 * who or what, not by a verb) opening a condition, when an event of the war follows within a few words.
 */
export const ifClause =
  /(?<![\p{L}])(?:if\s+(?!you\b|we\b|i\b)|should\s+(?=(?:a|an|the|any|it|they|there|\p{Lu}\S*)\s))/gu;

/** A parliament's say: "put to a parliamentary vote", "needs the Bundestag's approval". */
export const parliamentCue = phrasePattern([
  "put to a parliamentary vote",
  "parliamentary vote",
  "parliamentary approval",
  "approval of parliament",
  "approval by parliament",
  "parliamentary mandate",
  "Bundestag mandate",
  "Bundestag's approval",
  "UN mandate",
  "UN approval",
  "approval of the United Nations",
  "approval of the UN",
  "Security Council approval",
  "Bundestag approval",
  "Bundestag vote",
  "congressional approval",
  "Security Council resolution",
  "for a vote",
  "to a vote",
  "put to parliament",
  "put before parliament",
  "mandate from",
  "parliamentary procedures",
  "parliamentary procedure",
  "Commons vote",
  "MPs will vote",
  "MPs would vote",
  "opportunity to vote",
  "in government and parliament",
  "by government and parliament",
  "pass parliament",
  "pass the chamber",
  "pass the chamber's test",
  "pass the Bundestag",
  "pass Congress",
  "approved by parliament",
  "vote in the House of Commons",
  "domestic procedures",
  "constitutional procedures",
  "constitutional arrangements",
  "national approval",
  "national procedures",
]);

/** An open question that is a condition until it is settled: "boundaries … are still being debated". */
export const openQuestionCue = phrasePattern([
  "still being debated",
  "still being negotiated",
  "still being discussed",
  "still under negotiation",
  "yet to be agreed",
  "yet to be decided",
  "yet to be settled",
  "remain unresolved",
  "remains unresolved",
  "remains undecided",
  "not yet agreed",
  "remained unresolved",
  "not yet been clarified",
  "yet to be clarified",
  "remains uncertain",
  "remain uncertain",
  "remain unclear",
]);

/** Words that make a figure what is needed: "experts estimate … needed". */
export const requirementCue =
  /\b(?:need(?:s|ed)?|requir(?:e|es|ed|ement|ements)|necessary|would\s+take|call(?:s|ed)?\s+for|(?<!\b(?:an|the)\s)estimat(?:e|es|ed|ing))\b/iu;

/** Words that make a figure what a party has: "the British Army fields roughly 70,000", "Ukraine’s 800,000-strong army". */
export const capacityCue =
  /\b(?:(?<=\d[-\u2010\u2011])strong\s+(?:army|armed\s+forces|military)|fields?|fielded|number(?:s|ing)?|totals?|active[-\u2011\s]duty|full[-\u2011]time|standing\s+army|(?:army|armed\s+forces|military)\s+of|strength\s+of|troop\s+levels?|troops\s+in\s+total|(?:has|have)\s+(?:an?\s+)?(?:army|armed\s+forces|military)\s+of|(?:remain|stand|stay)s?\s+at)\b/iu;

/** Words that say a pledge was delivered or is under way. */
export const deliveryCues: { pattern: RegExp; status: PledgeStatus }[] = [
  {
    status: "delivered",
    pattern: phrasePattern([
      "delivered",
      "handed over",
      "arrived",
      "have arrived",
      "has arrived",
      "completed",
      "is operational",
      "are operational",
      "now in place",
      "were deployed",
      "has deployed",
      "have deployed",
      "opened",
    ]),
  },
  {
    status: "in_progress",
    pattern: phrasePattern([
      "began deploying",
      "started deploying",
      "began building",
      "started building",
      "under way",
      "underway",
      "is being built",
      "are being built",
      "first troops",
    ]),
  },
  {
    status: "committed",
    pattern: phrasePattern(["signed", "formally committed", "ratified", "approved"]),
  },
];
