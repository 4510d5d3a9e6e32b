import { isA } from "../model/index.js";
import {
  isPatronymic,
  isTitle,
  legalFormClass,
  normalizeNameVariants,
  numberValue,
  personWordCount,
  phoneticKeyOfSkeleton,
  skeleton,
  splitLegalForms,
  squeezeRepeats,
  symbolGroups,
} from "../text/index.js";
import { hashString } from "./hash.js";
import type { TokenInfo } from "./token-similarity.js";
import { TUNING } from "./tuning.js";
import type { MatchQuery } from "./types.js";

/** One spelling of one name, ready to compare. */
export interface PreparedName {
  tokens: TokenInfo[];
  /** Legal-form classes removed from the name (LLC, JSC, ...). */
  forms: string[];
  /** Hash of the skeleton of all words joined: catches split and merged words (VladimirPutin). */
  joined: number;
  /** Hash of the phonetic key of the joined name (Mao Tse-tung, Mao Zedong); 0 when too short. */
  sounds: number;
  weight: number;
  kind: NameKind;
}

export type NameKind = "person" | "org";

/** Articles and prepositions in organization names (The Bank for International Settlements). */
const FUNCTION_WORDS = new Set([
  "the",
  "of",
  "for",
  "and",
  "in",
  "de",
  "du",
  "des",
  "la",
  "le",
  "el",
  "der",
  "die",
  "und",
  "et",
  "y",
  "i",
]);
const NAME_PROPS = ["name", "alias", "previousName", "weakAlias", "abbreviation"];
const PART_PROPS = ["firstName", "secondName", "middleName", "fatherName", "lastName"];
/** Token caches by kind and abjad-ness, keyed by text: no key strings to build per lookup. */
const tokenCaches = new Map<string, Map<string, TokenInfo>>();

/** Forget prepared tokens: their weights depend on `TUNING`, which the weight fit changes. */
export function clearTokenCache(): void {
  tokenCaches.clear();
}

/** Person names are compared without legal forms; everything else is an organization. */
export function nameKind(schema: string): NameKind {
  return isA(schema, "Person") ? "person" : "org";
}

/** Person-name words used by this many listed people weigh in full; more common ones less. */
const COMMON_FROM = 5;
const COMMON_FLOOR = 0.3;

/** Common given names and surnames say less about who a person is (Mohammad, Kim, Sergey). */
function commonness(skel: string): number {
  const count = personWordCount(skel);
  if (count <= COMMON_FROM) return 1;
  return Math.max(COMMON_FLOOR, 1 - TUNING.commonnessSlope * Math.log10(count / COMMON_FROM));
}

/** I, V and X end fund, trust and ship names as numerals (Capital Partners V, Fund X). */
const LONE_ROMAN: Record<string, number> = { i: 1, v: 5, x: 10 };

function romanLetter(text: string, kind: NameKind): boolean {
  return kind === "org" && (text === "i" || text === "v" || text === "x");
}

/** Titles, patronymics, common and generic words weigh less than the name itself. */
function tokenWeight(text: string, skel: string, groups: readonly string[], kind: NameKind) {
  if (text.length === 1 && !romanLetter(text, kind)) return TUNING.initialWeight;
  if ((kind === "org" || /\d/.test(text)) && numberValue(text) !== undefined) return 3;
  const base = Math.max(1, skel.length) * (kind === "person" ? commonness(skel) : 1);
  if (kind === "person" && isTitle(text)) return base * 0.2;
  if (kind === "person" && isPatronymic(text)) return base * 0.5;
  if (kind === "org" && FUNCTION_WORDS.has(text)) return base * 0.2;
  const lighter = kind === "org" ? "org_symbols:" : "person_symbols:";
  return groups.some((group) => group.startsWith(lighter)) ? base * TUNING.symbolWordWeight : base;
}

/**
 * A token's keys as one object literal, the only place tokens are made: V8 gives objects
 * from another literal (or a spread copy) a map of their own, which made each property read
 * on a token polymorphic or worse (about 1 µs) in a worker that restored its vocabulary.
 */
export function tokenInfo(
  text: string,
  skeleton: string,
  phonetic: string,
  groups: readonly string[],
  weight: number,
  initial: boolean,
  number: number | undefined,
  abjad: boolean,
  consonants: string,
): TokenInfo {
  return { text, skeleton, phonetic, groups, weight, initial, number, abjad, consonants };
}

/**
 * The comparison keys of one normalized token, cached.
 * @example prepareToken("sergey", "person").skeleton // "sergi"
 */
export function prepareToken(text: string, kind: NameKind = "person", abjad = false): TokenInfo {
  const cacheKey = abjad ? `${kind}!` : kind;
  let cache = tokenCaches.get(cacheKey);
  if (!cache) {
    cache = new Map();
    tokenCaches.set(cacheKey, cache);
  }
  const cached = cache.get(text);
  if (cached) return cached;
  const skel = skeleton(text);
  const groups = symbolGroups(text);
  const weight = tokenWeight(text, skel, groups, kind);
  const phonetic = phoneticKeyOfSkeleton(skel);
  const initial = text.length === 1 && /\p{L}/u.test(text) && !romanLetter(text, kind);
  const number = romanLetter(text, kind)
    ? LONE_ROMAN[text]
    : initial || (kind === "person" && !/\d/.test(text))
      ? undefined
      : numberValue(text);
  // w and y stand for vowels in abjad spellings (mhmwd, Mahmoud).
  const consonants = squeezeRepeats(skeleton(text.replace(/[wy]/g, "u")).replace(/[aeiou]+/g, ""));
  const info = tokenInfo(
    text,
    skel,
    phonetic,
    groups,
    weight,
    initial,
    number,
    abjad && !initial,
    consonants,
  );
  if (cache.size > 500_000) cache.clear();
  cache.set(text, info);
  return info;
}

/**
 * File a token prepared elsewhere (a worker restoring an index) under its kind, so that
 * `prepareToken` returns it without preparing it again.
 * @example rememberToken(info, "person"); prepareToken(info.text, "person", info.abjad) === info
 */
export function rememberToken(info: TokenInfo, kind: NameKind): void {
  const cacheKey = info.abjad ? `${kind}!` : kind;
  let cache = tokenCaches.get(cacheKey);
  if (!cache) {
    cache = new Map();
    tokenCaches.set(cacheKey, cache);
  }
  cache.set(info.text, info);
}

/** In a Latin-script person name a short word without vowels is a run of initials (JC, GW). */
function splitInitials(word: string): string[] {
  if (word.length > 3 || word.length < 2 || /[aeiouy\d]/.test(word) || isTitle(word)) return [word];
  return [...word];
}

/** How the original was written: abjads drop vowels, Latin keeps initials as letters. */
export type SourceScript = "latin" | "abjad" | "other";

/**
 * The script family of a name as written.
 * @example sourceScript("محمد") // "abjad"
 */
export function sourceScript(name: string): SourceScript {
  if (/[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]/u.test(name))
    return "abjad";
  return /[^\p{Script=Latin}\P{L}]/u.test(name) ? "other" : "latin";
}

/** Prepare one normalized spelling: legal forms split off organization names. */
export function prepareSpelling(
  spelling: string,
  kind: NameKind,
  script: SourceScript = "latin",
): PreparedName {
  const words = spelling.split(" ").filter(Boolean);
  const initials = kind === "person" && script === "latin";
  const split =
    kind === "org"
      ? splitLegalForms(words)
      : { tokens: initials ? words.flatMap(splitInitials) : words, forms: [] };
  const tokens = split.tokens.map((text) => prepareToken(text, kind, script === "abjad"));
  const weight = tokens.reduce((sum, token) => sum + token.weight, 0);
  const joinedSkeleton = skeleton(words.join(""));
  const joined = hashString(joinedSkeleton);
  const sound = phoneticKeyOfSkeleton(joinedSkeleton);
  // Short keys say too little about a whole name.
  const sounds = sound.length >= 5 ? hashString(sound) : 0;
  return { tokens, forms: split.forms, joined, sounds, weight, kind };
}

/** Letters with dots (U.S., A.B.C.): an abbreviation whose letters may each stand for a word. */
const DOTTED_INITIALS = /(?<!\p{L})(?:\p{L}\.){2,}/gu;

/**
 * An organization name with its dotted abbreviations spelled as initials (U.S. Department of
 * State -> u s department of state), unless the abbreviation is a legal form (S.A., N.V.).
 * @example spelledInitials("U.S. Department of State") // ["u s department of state"]
 */
export function spelledInitials(name: string): string[] {
  let changed = false;
  const spelled = name.replace(DOTTED_INITIALS, (dotted) => {
    const letters = dotted.replace(/\./g, "");
    if (legalFormClass(letters)) return dotted;
    changed = true;
    return ` ${[...letters].join(" ")} `;
  });
  return changed ? normalizeNameVariants(spelled) : [];
}

/** The raw names of a record: name-like properties, else the person's name parts joined. */
export function rawNames(record: MatchQuery): string[] {
  const { properties } = record;
  const names = new Set<string>();
  let listed = 0;
  for (const prop of NAME_PROPS) {
    for (const name of properties[prop] ?? []) {
      listed++;
      if (name.trim()) names.add(name);
    }
  }
  const parts: string[] = [];
  for (const prop of PART_PROPS) {
    const part = properties[prop]?.[0];
    if (part) parts.push(part);
  }
  const joined = parts.join(" ");
  if ((parts.length > 1 || !listed) && joined.trim()) names.add(joined);
  return [...names];
}

/**
 * Every spelling of every name of a record, prepared for scoring and indexing.
 * @example prepareNames({ schema: "Person", properties: { name: ["Путин"] } })[0].tokens[0].text // "putin"
 */
export function prepareNames(record: MatchQuery): PreparedName[] {
  const kind = nameKind(record.schema);
  const seen = new Set<string>();
  const prepared: PreparedName[] = [];
  for (const name of rawNames(record)) {
    const script = sourceScript(name);
    const spellings = normalizeNameVariants(name);
    if (kind === "org") spellings.push(...spelledInitials(name));
    for (const spelling of spellings) {
      if (seen.has(spelling)) continue;
      seen.add(spelling);
      const result = prepareSpelling(spelling, kind, script);
      if (result.tokens.length) prepared.push(result);
    }
  }
  return prepared;
}
