import type { RemarkFact } from "./identifiers.js";

// Words that mark a business (legal forms, trade words); other entities are Organizations.
const BUSINESS_RE =
  /\b(?:L\.?L\.?C|LTD|LIMITED|INC|CORP(?:ORATION)?|COMPANY|CO|GMBH|S\.?A|S\.?A\.? DE C\.?V|S\.?R\.?L|S\.?L|B\.?V|N\.?V|AG|PLC|J?S\.?C|[OPC]?JSC|OOO|OAO|ZAO|PAO|AO|LLP|FZE|FZCO|FZC|BHD|PTE|PVT|SARL|SAS|S\.?P\.?A|LTDA|CIA|HOLDINGS?|TRADING|ENTERPRISES?|BANK|AIRLINES?|AIRWAYS|SHIPPING|PLANT|FACTORY|ZAVOD|JOINT STOCK|OBSHCHESTVO|INDUSTRIES|GROUP)\b/i;

const BUSINESS_FACTS = new Set([
  "innCode",
  "ogrnCode",
  "kppCode",
  "okpoCode",
  "leiCode",
  "swiftBic",
  "uscCode",
  "dunsCode",
  "vatCode",
  "ticker",
  "isinCode",
]);

/**
 * Company or Organization for a list entry that is neither a person nor a vehicle: a legal
 * form in a name, or a business identifier, makes it a Company.
 * @example guessEntitySchema(["JSC KUPOL"], []) // "Company"
 * @example guessEntitySchema(["HIZBALLAH"], []) // "Organization"
 */
export function guessEntitySchema(names: string[], facts: RemarkFact[] = []): string {
  const business =
    names.some((name) => BUSINESS_RE.test(name)) ||
    facts.some((fact) => BUSINESS_FACTS.has(fact.prop));
  return business ? "Company" : "Organization";
}
