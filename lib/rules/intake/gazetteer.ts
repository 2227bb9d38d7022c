// Who a text names: states by their names, short forms, demonyms ("French", "British") and the
// metonyms news uses ("the Kremlin", "the White House"); organisations; the leaders and envoys of
// the states around the Ukraine talks; and whichever stakeholders the tracker already knows.

import countries from "i18n-iso-countries";
import en from "i18n-iso-countries/langs/en.json";
import worldCountries from "world-countries";
import { onFirstUse } from "../../on-first-use";
import type { StakeholderKind, StakeholderRole } from "../vocabulary";
import type { SuggestedParty } from "./suggestions";

countries.registerLocale(en);

/** A party a text can name: a state (its ISO 3166 code), an organisation or a coalition (a key of its own). */
export interface Actor {
  key: string;
  name: string;
  kind: StakeholderKind;
  countryCode: string | null;
}

export type MentionForm = "name" | "demonym" | "metonym" | "person";

export interface Mention {
  start: number;
  end: number;
  actor: Actor;
  form: MentionForm;
}

/** A stakeholder the tracker holds, found in texts by its name and, for a state, by everything its country is called. */
export interface KnownStakeholder {
  id: string;
  name: string;
  kind: StakeholderKind;
  countryCode: string | null;
}

const organisations: { actor: Actor; names: string[] }[] = [
  {
    actor: org("NATO", "NATO"),
    names: ["NATO", "North Atlantic Treaty Organization", "North Atlantic Treaty Organisation", "Nato"],
  },
  {
    actor: org("EU", "European Union"),
    names: ["European Union", "EU", "E.U.", "European Commission", "Brussels"],
  },
  {
    actor: org("UN", "United Nations"),
    names: ["United Nations", "UN", "U.N.", "UN Security Council", "Security Council"],
  },
  { actor: org("OSCE", "OSCE"), names: ["OSCE", "Organization for Security and Co-operation in Europe"] },
  { actor: org("G7", "G7"), names: ["G7", "Group of Seven"] },
  {
    actor: {
      key: "coalition-of-the-willing",
      name: "Coalition of the Willing",
      kind: "coalition",
      countryCode: null,
    },
    names: ["Coalition of the Willing", "coalition of the willing", "Coalition"],
  },
];

function org(key: string, name: string): Actor {
  return { key, name, kind: "organisation", countryCode: null };
}

/** Places that stand for a government when news makes them act. Paris is left out: it is where the talks were. */
const metonyms: Record<string, string> = {
  "White House": "US",
  Washington: "US",
  Pentagon: "US",
  Kremlin: "RU",
  Moscow: "RU",
  Kyiv: "UA",
  Kiev: "UA",
  "Downing Street": "GB",
  Élysée: "FR",
  Elysee: "FR",
  // Capitals of the states around the talks, as news makes them act: "Berlin will participate".
  Berlin: "DE",
  London: "GB",
  Rome: "IT",
  Warsaw: "PL",
  Madrid: "ES",
  Ankara: "TR",
  Ottawa: "CA",
  Canberra: "AU",
  Tokyo: "JP",
  Oslo: "NO",
  Stockholm: "SE",
  Copenhagen: "DK",
  Helsinki: "FI",
  "The Hague": "NL",
  Prague: "CZ",
  Vilnius: "LT",
  Riga: "LV",
  Tallinn: "EE",
  Bucharest: "RO",
  Lisbon: "PT",
  Athens: "GR",
  Dublin: "IE",
  Budapest: "HU",
  Bratislava: "SK",
  Vienna: "AT",
};

/** Leaders, ministers and envoys of the states around the talks (as of January 2026), by surname. */
const people: Record<string, string> = {
  Zelensky: "UA",
  Zelenskyy: "UA",
  Zelenskiy: "UA",
  Budanov: "UA",
  Sybiha: "UA",
  Umerov: "UA",
  Macron: "FR",
  Barrot: "FR",
  Lecornu: "FR",
  Starmer: "GB",
  Healey: "GB",
  Lammy: "GB",
  Cooper: "GB",
  Merz: "DE",
  Pistorius: "DE",
  Wadephul: "DE",
  Tusk: "PL",
  Nawrocki: "PL",
  Sikorski: "PL",
  "Kosiniak-Kamysz": "PL",
  Meloni: "IT",
  Crosetto: "IT",
  Tajani: "IT",
  Sánchez: "ES",
  Erdoğan: "TR",
  Erdogan: "TR",
  Kristersson: "SE",
  Frederiksen: "DK",
  Støre: "NO",
  Stubb: "FI",
  Orpo: "FI",
  Schoof: "NL",
  Babiš: "CZ",
  Babis: "CZ",
  Fico: "SK",
  Orbán: "HU",
  Orban: "HU",
  "De Wever": "BE",
  Mitsotakis: "GR",
  Nausėda: "LT",
  Bolojan: "RO",
  Luxon: "NZ",
  Takaichi: "JP",
  Ishiba: "JP",
  Carney: "CA",
  Albanese: "AU",
  Trump: "US",
  Vance: "US",
  Rubio: "US",
  Hegseth: "US",
  Witkoff: "US",
  Kushner: "US",
  Grynkewich: "US",
  Kellogg: "US",
  Putin: "RU",
  Lavrov: "RU",
  Peskov: "RU",
  Medvedev: "RU",
  Rutte: "NATO",
  "von der Leyen": "EU",
  Kallas: "EU",
};

/** Country names, short forms and demonyms, keyed by ISO code; only names in the Latin script. */
const countryTable = onFirstUse(() => {
  const latin = /^[\p{Script=Latin}\s.,'’()-]+$/u;
  const names = new Map<string, { actor: Actor; form: MentionForm }>();
  const add = (name: string, actor: Actor, form: MentionForm) => {
    if (name.length < 2 || !latin.test(name) || names.has(name)) return;
    names.set(name, { actor, form });
  };
  const allNames = countries.getNames("en", { select: "all" });
  // Independent states first, so "French" is France's and "American" the United States' demonym.
  const ordered = [...worldCountries].sort((a, b) => Number(b.independent) - Number(a.independent));
  for (const country of ordered) {
    const code = country.cca2;
    const actor: Actor = { key: code, name: country.name.common, kind: "state", countryCode: code };
    add(country.name.common, actor, "name");
    for (const name of allNames[code] ?? []) if (!name.includes(",")) add(name, actor, "name");
    add(country.name.official, actor, "name");
    for (const name of country.altSpellings)
      if (name.length > 3 || name === "UK" || name === "USA") add(name, actor, "name");
    const demonyms = country.demonyms?.eng;
    if (demonyms) {
      add(demonyms.m, actor, "demonym");
      add(demonyms.f, actor, "demonym");
    }
  }
  const byCode = new Map([...names.values()].map(({ actor }) => [actor.key, actor]));
  for (const [name, code] of [
    ["U.S.", "US"],
    ["U.K.", "GB"],
    ["America", "US"],
    ["Britain", "GB"],
    ["Holland", "NL"],
  ] as const) {
    add(name, byCode.get(code)!, "name");
  }
  for (const [name, code] of Object.entries(metonyms)) add(name, byCode.get(code)!, "metonym");
  const orgByKey = new Map(organisations.map(({ actor }) => [actor.key, actor]));
  for (const [name, code] of Object.entries(people)) {
    const actor = byCode.get(code) ?? orgByKey.get(code);
    if (actor) names.set(name, { actor, form: "person" });
  }
  for (const { actor, names: orgNames } of organisations)
    for (const name of orgNames) names.set(name, { actor, form: "name" });
  return names;
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** One pattern finding every name at word boundaries, longest names first so "United States" beats "States". */
function namePattern(names: Iterable<string>): RegExp {
  const sorted = [...names].sort((a, b) => b.length - a.length).map(escape);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${sorted.join("|")})(?![\\p{L}\\p{N}]|\\.\\p{L})`, "gu");
}

const defaultPattern = onFirstUse(() => namePattern(countryTable().keys()));

/** Everything the built-in gazetteer and the tracker's stakeholders name, as one lookup. */
export class Gazetteer {
  private readonly names: Map<string, { actor: Actor; form: MentionForm }>;
  private readonly pattern: RegExp;
  readonly known: KnownStakeholder[];

  constructor(known: KnownStakeholder[] = []) {
    this.known = known;
    const extra = known.filter(
      (stakeholder) => !countryTable().has(stakeholder.name) && stakeholder.name.length > 2,
    );
    if (extra.length === 0) {
      this.names = countryTable();
      this.pattern = defaultPattern();
      return;
    }
    this.names = new Map(countryTable());
    for (const stakeholder of extra) {
      // A person the tracker holds acts for their state, as the leaders above do.
      const state =
        stakeholder.kind === "person" && stakeholder.countryCode
          ? this.stateActor(stakeholder.countryCode)
          : null;
      const actor: Actor = state ?? {
        key: `known:${stakeholder.id}`,
        name: stakeholder.name,
        kind: stakeholder.kind,
        countryCode: stakeholder.countryCode,
      };
      this.names.set(stakeholder.name, { actor, form: state ? "person" : "name" });
    }
    this.pattern = namePattern(this.names.keys());
  }

  private stateActor(code: string): Actor | null {
    for (const { actor } of countryTable().values()) if (actor.key === code) return actor;
    return null;
  }

  /** The mentions in text[start, end), in order. */
  mentions(text: string, start = 0, end = text.length): Mention[] {
    const found: Mention[] = [];
    const slice = text.slice(start, end);
    for (const match of slice.matchAll(this.pattern)) {
      const entry = this.names.get(match[0]);
      if (!entry) continue;
      // "US" and "UN" as words are names only in capitals: "us" and "un-" are not.
      found.push({ start: start + match.index, end: start + match.index + match[0].length, ...entry });
    }
    return found;
  }

  /** The tracker's stakeholder an actor is, when it holds one: a state by its country, anything else by name. */
  stakeholderOf(actor: Actor): KnownStakeholder | null {
    if (actor.key.startsWith("known:"))
      return this.known.find((stakeholder) => `known:${stakeholder.id}` === actor.key) ?? null;
    if (actor.kind === "state") {
      return (
        this.known.find(
          (stakeholder) => stakeholder.kind === "state" && stakeholder.countryCode === actor.countryCode,
        ) ?? null
      );
    }
    const name = actor.name.toLowerCase();
    return this.known.find((stakeholder) => stakeholder.name.toLowerCase() === name) ?? null;
  }

  /** An actor as a suggestion names it: the tracker's stakeholder when it holds one, else as the gazetteer knows it. */
  party(actor: Actor, role: StakeholderRole): SuggestedParty {
    const stakeholder = this.stakeholderOf(actor);
    return {
      name: stakeholder?.name ?? actor.name,
      kind: stakeholder?.kind ?? actor.kind,
      countryCode: actor.countryCode,
      stakeholderId: stakeholder?.id ?? null,
      role,
    };
  }

  /** The party a name written by someone else (a model, a form) stands for: the first actor it mentions, or itself, untracked. */
  partyNamed(name: string, role: StakeholderRole): SuggestedParty {
    const [mention] = this.mentions(name);
    if (mention) return this.party(mention.actor, role);
    const known = this.known.find(
      (stakeholder) => stakeholder.name.toLowerCase() === name.trim().toLowerCase(),
    );
    if (known)
      return {
        name: known.name,
        kind: known.kind,
        countryCode: known.countryCode,
        stakeholderId: known.id,
        role,
      };
    return { name: name.trim(), kind: "organisation", countryCode: null, stakeholderId: null, role };
  }
}
