import {
  collectFacts,
  conflictingScheme,
  datesAgree,
  type RecordFacts,
  schemataCompatible,
} from "./facts.js";
import { bestNameComparison, describeComparison, type NameComparison } from "./name-score.js";
import { compareNative } from "./native-script.js";
import { type PreparedName, prepareNames } from "./prepare.js";
import type { FeatureContribution, MatchQuery, PairScore } from "./types.js";

/** A record ready to score: its spellings and its facts. */
export interface PreparedRecord {
  names: PreparedName[];
  /** Legal-form classes of all names. */
  forms: Set<string>;
  facts: RecordFacts;
}

/** Feature weights: the name is the base, the rest adjust it. */
export const WEIGHTS = {
  name: 1,
  identifierMatch: 0.6,
  identifierConflict: -0.25,
  legalFormMismatch: -0.35,
  countryMismatch: -0.1,
  dateMismatch: -0.25,
  schemaMismatch: -1,
};

/**
 * Prepare a record once to score it against many.
 * @example prepareRecord({ schema: "Person", properties: { name: ["Ivan Ivanov"] } }).names.length // 1
 */
export function prepareRecord(record: MatchQuery): PreparedRecord {
  const names = prepareNames(record);
  const forms = new Set(names.flatMap((name) => name.forms));
  return { names, forms, facts: collectFacts(record) };
}

function feature(name: string, value: number, weight: number, detail?: string) {
  const result: FeatureContribution = { name, value, weight, contribution: value * weight };
  if (detail) result.detail = detail;
  return result;
}

function identifierFeatures(left: RecordFacts, right: RecordFacts): FeatureContribution[] {
  const shared = [...left.identifiers].filter((id) => right.identifiers.has(id));
  if (shared.length) {
    const detail = shared.filter((id) => !id.startsWith("*:")).join(", ") || shared[0];
    return [feature("identifier_match", 1, WEIGHTS.identifierMatch, detail)];
  }
  // Same registry, different number: a different entity unless the name says otherwise.
  const schemes = [...left.identifierProps].filter((prop) => right.identifierProps.has(prop));
  const specific = schemes.filter(conflictingScheme);
  return specific.length
    ? [feature("identifier_conflict", 1, WEIGHTS.identifierConflict, specific.join(", "))]
    : [];
}

function factFeatures(left: RecordFacts, right: RecordFacts): FeatureContribution[] {
  const features = identifierFeatures(left, right);
  if (left.countries.size && right.countries.size) {
    const overlap = [...left.countries].some((country) => right.countries.has(country));
    if (!overlap) features.push(feature("country_mismatch", 1, WEIGHTS.countryMismatch));
  }
  if (left.dates.length && right.dates.length) {
    const agree = left.dates.some((a) => right.dates.some((b) => datesAgree(a, b)));
    const sameYear = left.dates.some((a) =>
      right.dates.some((b) => a.slice(0, 4) === b.slice(0, 4)),
    );
    if (!agree) features.push(feature("date_mismatch", sameYear ? 0.4 : 1, WEIGHTS.dateMismatch));
  }
  return features;
}

function legalFormFeature(
  comparison: NameComparison | undefined,
  left: PreparedRecord,
  right: PreparedRecord,
) {
  if (!comparison) return [];
  const leftForms = left.forms;
  const rightForms = right.forms;
  if (!leftForms.size || !rightForms.size) return [];
  const agree = [...leftForms].some((form) => rightForms.has(form));
  if (agree) return [];
  const detail = `${[...leftForms].join("/")} vs ${[...rightForms].join("/")}`;
  return [feature("legal_form_mismatch", 1, WEIGHTS.legalFormMismatch, detail)];
}

function nameFeature(comparison: NameComparison | undefined, explain: boolean) {
  if (!comparison) return feature("name_similarity", 0, WEIGHTS.name, "no names");
  const detail = explain ? describeComparison(comparison) : undefined;
  return feature("name_similarity", comparison.score, WEIGHTS.name, detail);
}

/** Same-script Chinese or Korean names that differ cap the name score at their own similarity. */
function nativeFeature(
  comparison: NameComparison | undefined,
  left: RecordFacts,
  right: RecordFacts,
) {
  if (!comparison || !left.native.length || !right.native.length) return [];
  const native = compareNative(left.native, right.native);
  if (!native || native.score >= comparison.score) return [];
  const detail = `${native.left.text} | ${native.right.text}: ${native.score.toFixed(2)}`;
  return [feature("native_script_mismatch", comparison.score - native.score, -1, detail)];
}

/**
 * Score two prepared records; see `scorePair`. Without `explain` the name feature carries
 * no detail (the aligned pairs in words), which screening does not print.
 */
export function scorePrepared(
  left: PreparedRecord,
  right: PreparedRecord,
  explain = true,
): PairScore {
  const comparison = bestNameComparison(left.names, right.names);
  const explanation = [
    nameFeature(comparison, explain),
    ...nativeFeature(comparison, left.facts, right.facts),
  ];
  if (!schemataCompatible(left.facts.schema, right.facts.schema)) {
    explanation.push(feature("schema_mismatch", 1, WEIGHTS.schemaMismatch));
  } else {
    explanation.push(...legalFormFeature(comparison, left, right));
    explanation.push(...factFeatures(left.facts, right.facts));
  }
  const total = explanation.reduce((sum, item) => sum + item.contribution, 0);
  const score = Math.round(Math.min(1, Math.max(0, total)) * 10_000) / 10_000;
  const features = Object.fromEntries(explanation.map((item) => [item.name, item.value]));
  return { score, features, explanation };
}

/**
 * Score two FtM-shaped records; score in [0,1], with each feature's contribution.
 * @example scorePair({ schema: "Person", properties: { name: ["Владимир Путин"] } },
 *   { schema: "Person", properties: { name: ["Vladimir Putin"] } }).score // 1
 */
export function scorePair(query: MatchQuery, candidate: MatchQuery): PairScore {
  return scorePrepared(prepareRecord(query), prepareRecord(candidate));
}
