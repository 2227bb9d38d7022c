// What kind of stakeholder a name stands for when nobody said: a state when it names a country
// (ISO 3166, in English, French, German or Ukrainian, with the usual short forms), otherwise an
// organisation. Trackers name donors both ways: "Germany", "EU Institutions", "European Investment Bank".
import countries from "i18n-iso-countries";
import de from "i18n-iso-countries/langs/de.json";
import en from "i18n-iso-countries/langs/en.json";
import fr from "i18n-iso-countries/langs/fr.json";
import uk from "i18n-iso-countries/langs/uk.json";
import type { StakeholderKind } from "./vocabulary";

const languages = ["en", "fr", "de", "uk"] as const;
for (const locale of [en, fr, de, uk]) countries.registerLocale(locale);

/** Names trackers use that the country list lacks. */
const moreNames: Record<string, string> = {
  "slovak republic": "SK",
  "korea, south": "KR",
  "republic of korea": "KR",
  "holy see": "VA",
  vatican: "VA",
  "czech republic": "CZ",
  "great britain": "GB",
  britain: "GB",
  "the netherlands": "NL",
  "republic of moldova": "MD",
  moldova: "MD",
  "north macedonia": "MK",
  kosovo: "XK",
};

export interface InferredKind {
  kind: StakeholderKind;
  /** ISO 3166-1 alpha-2, for a state. */
  countryCode: string | null;
}

/** The country `name` names, if it names one, else null. */
function countryCodeOf(name: string): string | null {
  const trimmed = name.trim().replace(/\s+/g, " ");
  const extra = moreNames[trimmed.toLowerCase()];
  if (extra) return extra;
  for (const language of languages) {
    const code = countries.getAlpha2Code(trimmed, language);
    if (code) return code;
  }
  return null;
}

/** A state with its country code when `name` names a country; otherwise an organisation. */
export function inferStakeholderKind(name: string): InferredKind {
  const countryCode = countryCodeOf(name);
  return countryCode ? { kind: "state", countryCode } : { kind: "organisation", countryCode: null };
}
