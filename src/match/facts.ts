import { isA } from "../model/index.js";
import {
  hasNativeScript,
  NAME_PROPS as NATIVE_NAME_PROPS,
  type NativeName,
  nativeNames,
} from "./native-script.js";
import type { MatchQuery } from "./types.js";

/** Identifier properties that name one registry each; equal values are strong evidence. */
export const IDENTIFIER_PROPS = [
  "innCode",
  "ogrnCode",
  "kppCode",
  "okpoCode",
  "imoNumber",
  "mmsi",
  "leiCode",
  "swiftBic",
  "passportNumber",
  "idNumber",
  "taxNumber",
  "vatCode",
  "registrationNumber",
  "uniqueEntityId",
  "icijId",
  "dunsCode",
  "bikCode",
  "permId",
  "callSign",
  "ogrnipCode",
];
const IDENTIFIER_SET = new Set(IDENTIFIER_PROPS);
const COUNTRY_PROPS = ["country", "nationality", "citizenship", "jurisdiction", "mainCountry"];
const DATE_PROPS = ["birthDate", "incorporationDate", "buildDate"];

/** The cheap facts of a record besides its names. */
export interface RecordFacts {
  schema: string;
  /** `prop:VALUE` for every identifier, and `*:VALUE` to catch cross-property equality. */
  identifiers: Set<string>;
  identifierProps: Set<string>;
  countries: Set<string>;
  dates: string[];
  /** Chinese and Korean names in their own script. */
  native: NativeName[];
}

/**
 * Identifiers compared across spellings: upper case, letters and digits only.
 * @example normalizeIdentifier("IMO 9 321 483") // "IMO9321483"
 */
export function normalizeIdentifier(value: string): string {
  return value
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]/gu, "");
}

/** Drop a scheme prefix written into the value (IMO 1234567 vs 1234567). */
function identifierCore(prop: string, value: string): string {
  const normalized = normalizeIdentifier(value);
  return prop === "imoNumber" ? normalized.replace(/^IMO/, "") : normalized;
}

/**
 * Identifier keys of a record: `prop:VALUE`, and `*:VALUE` to catch cross-property equality.
 * @example identifierKeys({ schema: "Vessel", properties: { imoNumber: ["IMO 9321483"] } })
 * // Set { "imoNumber:9321483", "*:9321483" }
 */
export function identifierKeys(record: MatchQuery, props?: Set<string>): Set<string> {
  const identifiers = new Set<string>();
  for (const prop in record.properties) {
    if (!IDENTIFIER_SET.has(prop)) continue;
    for (const value of record.properties[prop]!) {
      const core = identifierCore(prop, value);
      if (core.length < 4) continue;
      identifiers.add(`${prop}:${core}`);
      identifiers.add(`*:${core}`);
      props?.add(prop);
    }
  }
  return identifiers;
}

/** Generic numbering (an ID card, some register): a different value is no conflict. */
const GENERIC_IDENTIFIERS = new Set(["idNumber", "registrationNumber"]);

/**
 * True when two records with different values of `prop` are likely different entities.
 * @example conflictingScheme("innCode") // true
 */
export function conflictingScheme(prop: string): boolean {
  return !GENERIC_IDENTIFIERS.has(prop);
}

/**
 * The identifier schemes of a record that conflict when the values differ, one bit each in
 * the order of `IDENTIFIER_PROPS`: records whose bits overlap conflict unless they share
 * an identifier.
 * @example schemeBits(new Set(["innCode", "idNumber"])) // 1
 */
export function schemeBits(props: Set<string>): number {
  let bits = 0;
  IDENTIFIER_PROPS.forEach((prop, bit) => {
    if (props.has(prop) && conflictingScheme(prop)) bits |= 1 << bit;
  });
  return bits;
}

/** Every property `collectFacts` reads besides names. */
const FACT_PROPS = new Set([...IDENTIFIER_PROPS, ...COUNTRY_PROPS, ...DATE_PROPS]);
const NATIVE_PROPS = new Set(NATIVE_NAME_PROPS);

/**
 * A record with only the properties its facts come from (names only where written in
 * Chinese or Korean): what a worker needs to score an entity whose names are in the index.
 * @example factRecord(entity).properties.address // undefined
 */
export function factRecord<T extends MatchQuery>(record: T): T {
  const properties: Record<string, string[]> = {};
  for (const prop in record.properties) {
    const values = record.properties[prop]!;
    if (FACT_PROPS.has(prop)) properties[prop] = values;
    else if (NATIVE_PROPS.has(prop)) {
      const native = values.filter(hasNativeScript);
      if (native.length) properties[prop] = native;
    }
  }
  return { ...record, properties };
}

/** Collect identifiers, countries, dates and native-script names of a record. */
export function collectFacts(record: MatchQuery): RecordFacts {
  const identifierProps = new Set<string>();
  const identifiers = identifierKeys(record, identifierProps);
  const countries = new Set(
    COUNTRY_PROPS.flatMap((prop) => record.properties[prop] ?? []).map((c) => c.toLowerCase()),
  );
  const dates = DATE_PROPS.flatMap((prop) => record.properties[prop] ?? []);
  const native = nativeNames(record);
  return { schema: record.schema, identifiers, identifierProps, countries, dates, native };
}

/**
 * True when two schemata can describe the same thing: one extends the other, or both are
 * organizations (Company vs PublicBody); Person vs Company or Vessel is not.
 * @example schemataCompatible("LegalEntity", "Company") // true
 */
export function schemataCompatible(left: string, right: string): boolean {
  const key = `${left}|${right}`;
  let compatible = compatibility.get(key);
  if (compatible === undefined) {
    compatible =
      isA(left, right) ||
      isA(right, left) ||
      (isA(left, "Organization") && isA(right, "Organization"));
    compatibility.set(key, compatible);
  }
  return compatible;
}

// The model walks inheritance on every isA; schema pairs are few, so remember them.
const compatibility = new Map<string, boolean>();

/** Dates agree when one is a prefix of the other (1952 vs 1952-10-07). */
export function datesAgree(left: string, right: string): boolean {
  return left.startsWith(right) || right.startsWith(left);
}
