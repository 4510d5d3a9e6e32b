import { detach, propertyType } from "../../model/index.js";
import { nameTokens, normalizedLegalFormClass } from "../../text/index.js";
import { countryCode } from "./countries.js";
import { parseAmount, parseDate, parseDateFormat } from "./values.js";

/** String-typed FtM properties that hold amounts, read with national separators. */
const AMOUNT_PROPS = new Set([
  "invoiceAmount",
  "customsAmount",
  "percentage",
  "sharesValue",
  "sharesCount",
]);

const isCapital = (code: number) => code >= 65 && code <= 90;

/** An amount and its unit: a trailing `%` or three capitals (a currency code), else none. */
function splitUnit(value: string): [number: string, unit: string] {
  const end = value.length;
  const code = (back: number) => value.charCodeAt(end - back);
  const size = value.endsWith("%")
    ? 1
    : end >= 3 && isCapital(code(1)) && isCapital(code(2)) && isCapital(code(3))
      ? 3
      : 0;
  const number = size ? value.slice(0, end - size).trimEnd() : value;
  // As /^(.*?)\s*([A-Z]{3}|%)$/ reads it: the number part does not cross a line break.
  if (!size || /[\n\r\u2028\u2029]/.test(number)) return [value, ""];
  return [number, size === 3 ? value.slice(-3) : ""];
}

/** A plain decimal, maybe with a currency code after one space: read as it is written. */
const PLAIN_AMOUNT = /^(?:[1-9]\d*|0)(?:\.\d+)?(?: [A-Z]{3})?$/;

/** `1 234,50 USD` -> `1234.50 USD`; `51%` -> `51`: amounts keep a trailing currency code. */
function convertAmountWithCurrency(value: string): string {
  if (PLAIN_AMOUNT.test(value)) return value;
  const [number, unit] = splitUnit(value);
  const amount = parseAmount(number);
  if (amount === undefined) return value;
  return unit ? `${amount} ${unit}` : amount;
}

export type Convert = (value: string) => string | undefined;

const keep: Convert = (value) => value;

/**
 * The conversion a mapped value goes through for its FtM property: dates and amounts in
 * national formats, country names to codes. Unreadable values are kept as written.
 * @example converterFor("Payment", "amount")("1 234,50") // "1234.50"
 */
export function converterFor(schema: string, prop: string, format?: string): Convert {
  const type = propertyType(schema, prop);
  if (type === "date") {
    return remembered(
      format
        ? (value) => parseDateFormat(value, format) ?? value
        : (value) => parseDate(value) ?? value,
    );
  }
  if (type === "number") return (value) => parseAmount(value) ?? value;
  if (AMOUNT_PROPS.has(prop)) return convertAmountWithCurrency;
  if (type === "country") return remembered((value) => countryCode(value) ?? value);
  return keep;
}

/**
 * Dates and countries recur down a column, often row after row: each distinct value is read
 * once, and the last one is compared before any lookup.
 */
function remembered(convert: Convert): Convert {
  const known = new Map<string, string | undefined>();
  let last: string | undefined;
  let lastConverted: string | undefined;
  return (value) => {
    if (value === last) return lastConverted;
    let converted = known.get(value);
    if (converted === undefined && !known.has(value)) {
      converted = convert(value);
      if (known.size >= 10_000) known.clear();
      // Kept across rows: copies, not the chunk the value was cut from.
      if (converted === value) converted = detach(value);
      known.set(detach(value), converted);
    }
    // Holds one chunk at most, until the value changes.
    last = value;
    lastConverted = converted;
    return converted;
  };
}

/** A USCC (China unified social credit code): 18 characters, no I, O, S, V, Z. */
const USCC = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
const LEI = /^[0-9A-Z]{18}\d{2}$/;

/**
 * The identifier properties a registration number belongs in, by its shape: Russian INN
 * (10 or 12 digits) and OGRN (13 or 15), Chinese USCC, LEI, else `registrationNumber`.
 * @example identifierProps("1831083343") // ["innCode"]
 */
export function identifierProps(value: string): string[] {
  const compact = value.replace(/[\s-]/g, "").toUpperCase();
  if (/^\d{10}$|^\d{12}$/.test(compact)) return ["innCode"];
  if (/^\d{13}$|^\d{15}$/.test(compact)) return ["ogrnCode"];
  if (USCC.test(compact)) return ["uscCode", "registrationNumber"];
  if (LEI.test(compact)) return ["leiCode"];
  return ["registrationNumber"];
}

const CHINESE_LEGAL_FORM = /有限公司|有限责任公司|股份|集团|公司|廠|厂$/u;
const legalForms = new Map<string, boolean>();

/**
 * True when a party name carries a legal form (ООО, LLC, Co., Ltd., JSC, 有限公司 ...), by
 * the legal-form table of `src/text`; cached per name, as parties recur across rows.
 * @example hasLegalForm("Shenzhen Sky Tech Co., Ltd.") // true
 */
export function hasLegalForm(name: string): boolean {
  let known = legalForms.get(name);
  if (known === undefined) {
    known =
      CHINESE_LEGAL_FORM.test(name) ||
      nameTokens(name).some((token) => normalizedLegalFormClass(token) !== undefined);
    if (legalForms.size > 100_000) legalForms.clear();
    legalForms.set(detach(name), known);
  }
  return known;
}
