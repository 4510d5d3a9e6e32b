import { isA } from "../model/index.js";
import {
  normalizeNameVariants,
  phoneticKey,
  skeleton,
  splitLegalForms,
  symbolGroups,
} from "../text/index.js";
import type { TokenInfo } from "./token-similarity.js";
import type { MatchQuery } from "./types.js";

/** One spelling of one name, ready to compare. */
export interface PreparedName {
  tokens: TokenInfo[];
  /** Legal-form classes removed from the name (LLC, JSC, ...). */
  forms: string[];
  /** The skeletons joined: catches split and merged words (VladimirPutin). */
  joined: string;
  weight: number;
}

export type NameKind = "person" | "org";

const NAME_PROPS = ["name", "alias", "previousName", "weakAlias", "abbreviation"];
const PART_PROPS = ["firstName", "secondName", "middleName", "fatherName", "lastName"];
const tokenCache = new Map<string, TokenInfo>();

/** Person names are compared without legal forms; everything else is an organization. */
export function nameKind(schema: string): NameKind {
  return isA(schema, "Person") ? "person" : "org";
}

function tokenWeight(text: string, skel: string, groups: readonly string[], kind: NameKind) {
  if (text.length === 1) return 1;
  const base = Math.max(1, skel.length);
  const lighter = kind === "org" ? "org_symbols:" : "person_symbols:";
  return groups.some((group) => group.startsWith(lighter)) ? base * 0.4 : base;
}

/**
 * The comparison keys of one normalized token, cached.
 * @example prepareToken("sergey", "person").skeleton // "sergi"
 */
export function prepareToken(text: string, kind: NameKind = "person"): TokenInfo {
  const key = `${kind}:${text}`;
  const cached = tokenCache.get(key);
  if (cached) return cached;
  const skel = skeleton(text);
  const groups = symbolGroups(text);
  const weight = tokenWeight(text, skel, groups, kind);
  const token = { text, skeleton: skel, phonetic: phoneticKey(text), groups, weight };
  const info: TokenInfo = { ...token, initial: text.length === 1 && /\p{L}/u.test(text) };
  if (tokenCache.size > 500_000) tokenCache.clear();
  tokenCache.set(key, info);
  return info;
}

/** Prepare one normalized spelling: legal forms split off organization names. */
export function prepareSpelling(spelling: string, kind: NameKind): PreparedName {
  const words = spelling.split(" ").filter(Boolean);
  const split = kind === "org" ? splitLegalForms(words) : { tokens: words, forms: [] };
  const tokens = split.tokens.map((text) => prepareToken(text, kind));
  const weight = tokens.reduce((sum, token) => sum + token.weight, 0);
  const joined = tokens.map((token) => token.skeleton).join("");
  return { tokens, forms: split.forms, joined, weight };
}

/** The raw names of a record: name-like properties, else the person's name parts joined. */
export function rawNames(record: MatchQuery): string[] {
  const names = NAME_PROPS.flatMap((prop) => record.properties[prop] ?? []);
  const parts = PART_PROPS.map((prop) => record.properties[prop]?.[0]).filter(Boolean);
  if (parts.length > 1 || !names.length) names.push(parts.join(" "));
  return [...new Set(names.filter((name) => name.trim()))];
}

/**
 * Every spelling of every name of a record, prepared for scoring and indexing.
 * @example prepareNames({ schema: "Person", properties: { name: ["Путин"] } })[0].joined // "putin"
 */
export function prepareNames(record: MatchQuery): PreparedName[] {
  const kind = nameKind(record.schema);
  const seen = new Set<string>();
  const prepared: PreparedName[] = [];
  for (const name of rawNames(record)) {
    for (const spelling of normalizeNameVariants(name)) {
      if (seen.has(spelling)) continue;
      seen.add(spelling);
      const result = prepareSpelling(spelling, kind);
      if (result.tokens.length) prepared.push(result);
    }
  }
  return prepared;
}
