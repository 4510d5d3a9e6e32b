import { countryCode } from "./country-names.js";

/** CSL `ids` labels and the FtM property their number goes to. */
const LABELS: Record<string, string> = {
  passport: "passportNumber",
  "passport no": "passportNumber",
  "tax id no": "taxNumber",
  "registration id": "registrationNumber",
  "registration number": "registrationNumber",
  "business registration number": "registrationNumber",
  "public registration number": "registrationNumber",
  "matricula mercantil no": "registrationNumber",
  "company number": "registrationNumber",
  "national id no": "idNumber",
  "cedula no": "idNumber",
  "identification number": "idNumber",
  "v.a.t. number": "vatCode",
  "swift/bic": "swiftBic",
  website: "website",
  "email address": "email",
  "vessel registration identification": "imoNumber",
  "former vessel flag": "pastFlags",
  "legal entity number": "leiCode",
  gender: "gender",
};

export interface CslIdentifier {
  prop: string;
  value: string;
  country?: string;
}

function labelOf(part: string): string | undefined {
  return LABELS[part.toLowerCase().replace(/[.:]+$/, "")];
}

/** One `;`-separated entry: `Type, number[, CC]` (2025) or `[CC, ]number, Type` (2019). */
function parseEntry(entry: string): CslIdentifier | undefined {
  const parts = entry.split(/,\s*/).map((part) => part.trim());
  const labelIndex = parts.findIndex((part) => labelOf(part) !== undefined);
  if (labelIndex < 0) return undefined;
  const prop = labelOf(parts[labelIndex]!)!;
  const rest = parts.filter((_, index) => index !== labelIndex);
  const country = rest.find((part) => /^[A-Z]{2}$/.test(part) && countryCode(part));
  let value = rest.filter((part) => part !== country).join(", ");
  if (prop === "imoNumber") value = value.replace(/^IMO\s*/i, "");
  if (prop === "gender") value = value.toLowerCase();
  if (prop === "pastFlags") value = countryCode(value) ?? "";
  if (!value) return undefined;
  return country ? { prop, value, country: countryCode(country)! } : { prop, value };
}

/**
 * Parse the trade.gov CSL `ids` column into FtM properties; sanction notes such as
 * "Subject to Directive 2" are not identifiers and are skipped.
 * @example parseCslIds("Passport, U00242309, TR; Gender, Male")
 * // [{ prop: "passportNumber", value: "U00242309", country: "tr" }, { prop: "gender", value: "male" }]
 */
export function parseCslIds(text: string | undefined): CslIdentifier[] {
  if (!text) return [];
  return text
    .split(";")
    .map((entry) => parseEntry(entry))
    .filter((found): found is CslIdentifier => found !== undefined);
}
