import { type EntityBuilder, findProperty, type Locator, model } from "../model/index.js";
import { countryCode } from "./countries.js";
import { isoDates } from "./dates.js";
import { type LabelHit, makeLabelScanner } from "./label-scan.js";
import { REMARK_LABELS, type RemarkLabel } from "./remark-labels.js";

/** A value found in free text: an FtM property (or `linkedTo`), and the country it names. */
export interface RemarkFact {
  prop: string;
  value: string;
  /** FtM country code from `(Russia)` after an identifier, when given. */
  country?: string;
}

// Built once: one alternation, group i+1 is REMARK_LABELS[i].
const scanLabels = makeLabelScanner(REMARK_LABELS);
const LEAD_PREFIX_RE = /^(?:alt\.)?$/i;
const SEGMENT_RE = /[;\n]+/;
const SEPARATOR_RE = /^[\s:#№.\-–—]+/;
const NUMBER_WORD_RE = /^(?:No\.?|Number|#)\s*/i;
const IDENTIFIER_END_RE = /\s+(?:issued|expires|expiring|valid|dated)\b|[,.]\s|\s{2,}/i;
const SWIFT_RE = /^[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?$/;
const TRAILING_RE = /[\s.,;:]+$/;

function findLabels(segment: string): LabelHit[] {
  // Lead labels inside free text ("... born in DOB ...") are part of the text before them.
  return scanLabels(segment).filter(
    (hit) => !hit.label.lead || LEAD_PREFIX_RE.test(segment.slice(0, hit.start).trim()),
  );
}

/**
 * Parse identifiers, dates, countries and links out of the free-text remarks of a list entry.
 * Handles OFAC's `Label value (Country); …`, glued `INN: 1OGRN: 2` and `OGRN – 1; INN – 2`.
 * @example
 * parseRemarks("Tax ID No. 1831083343 (Russia); Business Registration Number 1021801143374 (Russia).")
 * // [{ prop: "innCode", value: "1831083343", country: "ru" },
 * //  { prop: "ogrnCode", value: "1021801143374", country: "ru" }]
 */
export function parseRemarks(text: string): RemarkFact[] {
  const facts: RemarkFact[] = [];
  for (const segment of text.split(SEGMENT_RE)) {
    const hits = findLabels(segment);
    hits.forEach((hit, i) => {
      const raw = segment.slice(hit.end, hits[i + 1]?.start ?? segment.length);
      const leading = i === 0 ? segment.slice(0, hit.start) : "";
      for (const fact of readValue(hit.label, raw, leading)) {
        if (!facts.some((f) => f.prop === fact.prop && f.value === fact.value)) facts.push(fact);
      }
    });
  }
  return facts;
}

function readValue(label: RemarkLabel, raw: string, leading: string): RemarkFact[] {
  const text = raw.replace(SEPARATOR_RE, "").replace(TRAILING_RE, "");
  switch (label.kind) {
    case "identifier":
      return readIdentifier(label.prop, text, leading);
    case "date":
      return isoDates(text).map((value) => ({ prop: label.prop, value }));
    case "country": {
      const code = countryCode(text);
      return code ? [{ prop: label.prop, value: code }] : [];
    }
    case "gender": {
      const gender = /^(male|female)\b/i.exec(text)?.[1]?.toLowerCase();
      return gender ? [{ prop: label.prop, value: gender }] : [];
    }
    case "quoted": {
      const name = /^'(.*)'$/s.exec(text)?.[1] ?? text;
      return name.trim() ? [{ prop: label.prop, value: name.trim() }] : [];
    }
    default:
      return text ? [{ prop: label.prop, value: text }] : [];
  }
}

function readIdentifier(prop: string, text: string, leading: string): RemarkFact[] {
  const body = text.replace(NUMBER_WORD_RE, "").replace(SEPARATOR_RE, "");
  const head = body.split(IDENTIFIER_END_RE)[0]!;
  // "(Country)" belongs to the identifier only when nothing ends the value before it.
  const found = /^([^(]*?)\s*\(([^)]*)\)/.exec(body);
  const paren = found && found[1]!.length <= head.length ? found : undefined;
  const value = (paren ? paren[1]! : head).replace(TRAILING_RE, "").trim();
  // Only SWIFT codes may lack digits; a long value is a sentence, not an identifier.
  const plausible = /[0-9]/.test(value) || (prop === "swiftBic" && SWIFT_RE.test(value));
  if (!plausible || value.length > 64) return [];
  const country = countryCode(paren?.[2] ?? "") ?? countryCode(leading.replace(/[\s\-–—:]+$/, ""));
  const refined = refineIdentifier(prop, value, country);
  return [country ? { ...refined, country } : refined];
}

/**
 * Pick the precise FtM property from the label, the value's shape and the country: a Russian
 * 10/12-digit tax id is an INN, a 13/15-digit registration number an OGRN.
 * @example refineIdentifier("taxNumber", "7710140679", "ru") // { prop: "innCode", value: "7710140679" }
 */
export function refineIdentifier(prop: string, value: string, country?: string): RemarkFact {
  const compact = value.replace(/\s+/g, "");
  const imo = /^IMO[\s:.-]*(\d{7})$/i.exec(value);
  if (imo) return { prop: "imoNumber", value: `IMO${imo[1]}` };
  if (prop === "imoNumber" && /^\d{7}$/.test(compact)) return { prop, value: `IMO${compact}` };
  if (prop === "imoNumber") return { prop: "registrationNumber", value };
  const russian = country === "ru";
  if (prop === "taxNumber" && russian && /^(\d{10}|\d{12})$/.test(compact))
    return { prop: "innCode", value: compact };
  if (prop === "registrationNumber" && russian && /^(\d{13}|\d{15})$/.test(compact))
    return { prop: "ogrnCode", value: compact };
  if (prop === "okpoCode" && !(russian && /^(\d{8}|\d{10})$/.test(compact)))
    return { prop: "registrationNumber", value };
  if (prop === "leiCode" && !/^[A-Z0-9]{18}[0-9]{2}$/.test(compact))
    return { prop: "registrationNumber", value };
  if (prop === "swiftBic" && /^\d{9}$/.test(compact)) return { prop: "bikCode", value: compact };
  if (prop === "swiftBic" && !SWIFT_RE.test(compact)) return { prop: "registrationNumber", value };
  return { prop, value };
}

// Where a property is missing on the entity's schema, the nearest general one.
const FALLBACK: Record<string, string> = {
  passportNumber: "idNumber",
  kppCode: "registrationNumber",
  bikCode: "registrationNumber",
  imoNumber: "registrationNumber",
  ticker: "registrationNumber",
  isinCode: "registrationNumber",
  serialNumber: "registrationNumber",
  mmsi: "registrationNumber",
  pastFlags: "country",
  flag: "country",
  nationality: "country",
  citizenship: "country",
  jurisdiction: "country",
};

/**
 * True when `schema` (or a parent) defines `prop`; false for a schema the model lacks.
 * @example hasProperty("Person", "innCode") // true
 */
export function hasProperty(schema: string, prop: string): boolean {
  return model.schemata[schema] !== undefined && findProperty(schema, prop) !== undefined;
}

/**
 * Add parsed facts to an entity, mapping properties its schema lacks to a general one
 * (a passport of a company becomes an `idNumber`). Returns the facts it could not place,
 * such as `linkedTo`, for the caller to turn into links.
 * @example addFacts(company, parseRemarks(remarks), "row:12") // [{ prop: "linkedTo", ... }]
 */
export function addFacts(builder: EntityBuilder, facts: RemarkFact[], locator: Locator) {
  const rest: RemarkFact[] = [];
  for (const fact of facts) {
    const prop = placeFact(builder.schema, fact.prop);
    if (prop) builder.add(prop, fact.value, locator);
    else rest.push(fact);
  }
  return rest;
}

/**
 * The property of `schema` that holds a fact of `prop`: itself, a general fallback, or none.
 * @example placeFact("Company", "passportNumber") // "idNumber"
 */
export function placeFact(schema: string, prop: string): string | undefined {
  if (hasProperty(schema, prop)) return prop;
  const fallback = FALLBACK[prop];
  return fallback && hasProperty(schema, fallback) ? fallback : undefined;
}
