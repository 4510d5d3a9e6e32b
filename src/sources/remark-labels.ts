/**
 * How a labelled value in a remark is read: an identifier (`Tax ID No. 123 (Russia)`), dates,
 * free text, a country, a gender, or a quoted name (`a.k.a. 'BNC'`).
 */
export type LabelKind = "identifier" | "date" | "text" | "country" | "gender" | "quoted";

export interface RemarkLabel {
  /** Regular-expression source without capturing groups. */
  pattern: string;
  /** The FtM property, or `linkedTo` for a link to another entry by name. */
  prop: string;
  kind: LabelKind;
  /** Only a label when it opens a `;`-separated part (these words also occur in free text). */
  lead?: boolean;
}

// Short codes count as labels only when a number follows, so words like "Inn" stay text.
const CODE_FOLLOWS = String.raw`(?=[\s:#№.\-–—]*[0-9])`;
const code = (pattern: string) => `(?:${pattern})${CODE_FOLLOWS}`;

/**
 * Labels in priority order: at one position the first listed wins, so longer labels come
 * before their prefixes ("Nationality of Registration" before "nationality").
 */
export const REMARK_LABELS: RemarkLabel[] = [
  { pattern: code("OGRNIP|OGRN|ОГРНИП|ОГРН"), prop: "ogrnCode", kind: "identifier" },
  { pattern: code("INN|ИНН"), prop: "innCode", kind: "identifier" },
  { pattern: code("KPP|КПП"), prop: "kppCode", kind: "identifier" },
  { pattern: code("OKPO|ОКПО"), prop: "okpoCode", kind: "identifier" },
  { pattern: code("BIK|БИК"), prop: "bikCode", kind: "identifier" },
  { pattern: "Primary State Registration Number", prop: "ogrnCode", kind: "identifier" },
  { pattern: "Taxpayer Identification Number", prop: "taxNumber", kind: "identifier" },
  { pattern: code("TIN"), prop: "taxNumber", kind: "identifier" },
  { pattern: "Vessel Registration Identification", prop: "imoNumber", kind: "identifier" },
  {
    pattern: String.raw`IMO(?: No\.?| Number)?(?=\s*[:#.\-]?\s*[0-9])`,
    prop: "imoNumber",
    kind: "identifier",
  },
  { pattern: "Legal Entity Number|LEI(?: code)?", prop: "leiCode", kind: "identifier" },
  { pattern: "SWIFT/BIC|SWIFT|BIC", prop: "swiftBic", kind: "identifier" },
  {
    pattern: String.raw`Unified Social Credit Code(?: \(USCC\))?|United Social Credit Code Certificate(?: \(USCCC\))?|USCC`,
    prop: "uscCode",
    kind: "identifier",
  },
  { pattern: "D-U-N-S Number|DUNS(?: Number)?", prop: "dunsCode", kind: "identifier" },
  {
    pattern: String.raw`V\.A\.T\. Number|VAT (?:Number|No\.)|VAT(?=\s*[:#]?\s*[A-Z]{0,2}[0-9])`,
    prop: "vatCode",
    kind: "identifier",
  },
  { pattern: "Equity Ticker", prop: "ticker", kind: "identifier" },
  { pattern: "ISIN", prop: "isinCode", kind: "identifier" },
  { pattern: "MMSI", prop: "mmsi", kind: "identifier" },
  {
    pattern: String.raw`Aircraft Manufacturer's Serial Number \(MSN\)|Aircraft Construction Number \(also called L/N or S/N or F/N\)`,
    prop: "serialNumber",
    kind: "identifier",
  },
  {
    pattern: "(?:Previous )?Aircraft Tail Number",
    prop: "registrationNumber",
    kind: "identifier",
  },
  {
    pattern: String.raw`Diplomatic Passport|Passport(?: No\.| Number)?|Travel Document Number`,
    prop: "passportNumber",
    kind: "identifier",
  },
  {
    pattern: String.raw`Tax ID No\.|Tax ID|Tax Identification Number|Tax Number|R\.F\.C\.|C\.U\.I\.T\.|C\.U\.I\.|NIT #|RUC #|Italian Fiscal Code`,
    prop: "taxNumber",
    kind: "identifier",
  },
  { pattern: "Government Gazette Number", prop: "okpoCode", kind: "identifier" },
  {
    pattern: String.raw`(?:Business |Company |Commercial |Public |Central )?Registration (?:Number|ID|No\.|System Number|Document #)|Registration Certificate Number|(?:UK )?Company Number|Commercial Registry Number|Certificate of Incorporation Number|Chamber of Commerce Number|Enterprise Number|Business Number|Trade License No\.|C\.R\. No\.|Folio Mercantil No\.|Matricula Mercantil No|Economic Register Number \(CBLS\)|Istanbul Chamber of Comm\. No\.|Dubai Chamber of Commerce Membership No\.|Registered Charity No\.|Branch Unit Number|Chinese Commercial Code|Permit Number`,
    prop: "registrationNumber",
    kind: "identifier",
  },
  { pattern: String.raw`Licen[cs]e (?:Number|No\.?)`, prop: "licenseNumber", kind: "identifier" },
  {
    pattern: String.raw`National ID No\.|National ID Number|National Identification Number|National Foreign ID Number|Turkish Identification Number|Personal ID Card|Identification Number|Cedula No\.|C\.U\.R\.P\.|D\.N\.I\.|Birth Certificate Number|Residency Number|Citizen's Card Number|Numero de Identidad|Credencial electoral|Electoral Registry No\.|Driver's License No\.|Personal Number|SSN`,
    prop: "idNumber",
    kind: "identifier",
  },
  {
    pattern: "Organization Established Date|Date of Incorporation|Incorporation Date",
    prop: "incorporationDate",
    kind: "date",
    lead: true,
  },
  {
    pattern: "Aircraft Manufacture Date|Vessel Year of Build|Year of Build",
    prop: "buildDate",
    kind: "date",
    lead: true,
  },
  { pattern: "DOB|Date of Birth", prop: "birthDate", kind: "date", lead: true },
  { pattern: "POB|Place of Birth", prop: "birthPlace", kind: "text", lead: true },
  { pattern: "Nationality of Registration", prop: "jurisdiction", kind: "country", lead: true },
  { pattern: "nationality", prop: "nationality", kind: "country", lead: true },
  { pattern: "citizen(?:ship)?", prop: "citizenship", kind: "country", lead: true },
  { pattern: "Former Vessel Flag", prop: "pastFlags", kind: "country", lead: true },
  { pattern: "Other Vessel Flag", prop: "flag", kind: "country", lead: true },
  { pattern: "Other Vessel Call Sign", prop: "callSign", kind: "text", lead: true },
  { pattern: "Other Vessel Type", prop: "type", kind: "text", lead: true },
  { pattern: "Aircraft Model", prop: "model", kind: "text", lead: true },
  { pattern: "Gender", prop: "gender", kind: "gender", lead: true },
  { pattern: "Email Address|E-?mail", prop: "email", kind: "text", lead: true },
  { pattern: "Website|Web site|URL", prop: "website", kind: "text", lead: true },
  {
    pattern: String.raw`Phone Number|Telephone No\.|Telephone|Phone|Tel\.`,
    prop: "phone",
    kind: "text",
    lead: true,
  },
  { pattern: "Organization Type", prop: "sector", kind: "text", lead: true },
  {
    pattern: String.raw`Listing Date(?: \([^)]*\))?`,
    prop: "listingDate",
    kind: "date",
    lead: true,
  },
  { pattern: "Linked To", prop: "linkedTo", kind: "text", lead: true },
  { pattern: String.raw`a\.k\.a\.`, prop: "weakAlias", kind: "quoted", lead: true },
  { pattern: String.raw`f\.k\.a\.`, prop: "previousName", kind: "quoted", lead: true },
  { pattern: String.raw`n\.k\.a\.`, prop: "alias", kind: "quoted", lead: true },
];
