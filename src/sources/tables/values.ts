/** Month names in English and Russian (nominative and genitive), by their first letters. */
const MONTHS: Array<[RegExp, number]> = [
  [/^(jan|янв)/, 1],
  [/^(feb|фев)/, 2],
  [/^(mar|мар)/, 3],
  [/^(apr|апр)/, 4],
  [/^(may|ма[йя])/, 5],
  [/^(jun|июн)/, 6],
  [/^(jul|июл)/, 7],
  [/^(aug|авг)/, 8],
  [/^(sep|сен)/, 9],
  [/^(oct|окт)/, 10],
  [/^(nov|ноя)/, 11],
  [/^(dec|дек)/, 12],
];

function monthNumber(word: string): number | undefined {
  const lower = word.toLowerCase();
  return MONTHS.find(([pattern]) => pattern.test(lower))?.[1];
}

function isoDate(year: number, month: number, day: number): string | undefined {
  if (year < 100) year += year < 50 ? 2000 : 1900;
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return undefined;
  return date.toISOString().slice(0, 10);
}

/** Day-first unless the first number cannot be a day... or the second cannot be a month. */
function numericDate(a: number, b: number, year: number, order: DateOrder): string | undefined {
  if (order === "mdy" || (a <= 12 && b > 12)) return isoDate(year, a, b);
  return isoDate(year, b, a);
}

export type DateOrder = "dmy" | "mdy";

/**
 * Read a date in a common national format to ISO `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`), or
 * undefined. Ambiguous `01/02/2024` is day-first unless `order` is `mdy`.
 * @example parseDate("01.02.2024") // "2024-02-01"
 * @example parseDate("2024年2月1日") // "2024-02-01"
 */
export function parseDate(text: string, order: DateOrder = "dmy"): string | undefined {
  const value = text.trim().replace(/\s*(г\.?|года)$/u, "");
  let match = /^(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})日?(?:[T\s].*)?$/u.exec(value);
  if (match) return isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4}|\d{2})(?:\s.*)?$/.exec(value);
  if (match) return numericDate(Number(match[1]), Number(match[2]), Number(match[3]), order);
  match = /^(\d{1,2})[\s-]+([\p{L}]+)\.?[\s-]+(\d{4})$/u.exec(value);
  if (match) {
    const month = monthNumber(match[2]!);
    return month ? isoDate(Number(match[3]), month, Number(match[1])) : undefined;
  }
  match = /^([\p{L}]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/u.exec(value);
  if (match) {
    const month = monthNumber(match[1]!);
    return month ? isoDate(Number(match[3]), month, Number(match[2])) : undefined;
  }
  if (/^\d{4}(-\d{2})?$/.test(value)) return value;
  return undefined;
}

/** Currency signs and codes that may stick to an amount. */
const CURRENCY_AFFIX = /^[A-Z]{3}\s*|\s*[A-Z]{3}$|^[$€£¥₽]\s*|\s*[$€£¥₽]$|\s*(руб\.?|р\.|元)$/gu;

const PLAIN_DECIMAL = /^(?:[1-9]\d*|0)(?:\.\d+)?$/;

/**
 * Read an amount written with national separators to a plain decimal string, or undefined.
 * The last of `.`/`,` is the decimal mark when both appear; a lone `,` followed by exactly
 * three digits groups thousands (1,234) unless spaces group them (1 234,567).
 * @example parseAmount("1 234 567,89") // "1234567.89"
 * @example parseAmount("1,234,567.89") // "1234567.89"
 */
export function parseAmount(text: string): string | undefined {
  // Most amounts are already plain decimals.
  if (PLAIN_DECIMAL.test(text)) return text;
  let value = text.trim().replace(CURRENCY_AFFIX, "").trim();
  const negative = /^-|^\(.*\)$/.test(value);
  value = value.replace(/^[-(]|\)$/g, "");
  const spaced = /\d[\s\u00a0\u202f'’]\d/.test(value);
  value = value.replace(/[\s\u00a0\u202f'’]/g, "");
  if (!/^\d[\d.,]*$/.test(value)) return undefined;
  const lastDot = value.lastIndexOf(".");
  const lastComma = value.lastIndexOf(",");
  let decimal: string | undefined;
  if (lastDot >= 0 && lastComma >= 0) decimal = lastDot > lastComma ? "." : ",";
  else if (lastComma >= 0) {
    const groups = value.split(",");
    const thousands = !spaced && groups.slice(1).every((group) => group.length === 3);
    decimal = thousands ? undefined : groups.length === 2 ? "," : undefined;
    if (!thousands && groups.length > 2) return undefined;
  } else if (lastDot >= 0) {
    const groups = value.split(".");
    decimal = groups.length === 2 ? "." : undefined;
    if (groups.length > 2 && !groups.slice(1).every((group) => group.length === 3))
      return undefined;
  }
  const [whole, fraction] = decimal
    ? [value.slice(0, value.lastIndexOf(decimal)), value.slice(value.lastIndexOf(decimal) + 1)]
    : [value, ""];
  const digits = whole.replace(/[.,]/g, "").replace(/^0+(?=\d)/, "");
  if (!/^\d+$/.test(digits) || !/^\d*$/.test(fraction)) return undefined;
  return `${negative ? "-" : ""}${digits}${fraction ? `.${fraction}` : ""}`;
}

/**
 * Read a date with an explicit strptime-style format as used by FtM mappings
 * (`%d.%m.%Y`, `%Y-%m-%d`, `%m/%d/%Y`, `%d/%m/%y`), or undefined.
 * @example parseDateFormat("02/01/2024", "%m/%d/%Y") // "2024-02-01"
 */
export function parseDateFormat(text: string, format: string): string | undefined {
  const fields: string[] = [];
  const pattern = format.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/%([dmYyHMS])/g, (_, f) => {
    fields.push(f);
    return f === "Y" ? "(\\d{4})" : "(\\d{1,2})";
  });
  const match = new RegExp(`^${pattern}$`).exec(text.trim());
  if (!match) return undefined;
  const parts: Record<string, number> = {};
  fields.forEach((field, index) => {
    parts[field] = Number(match[index + 1]);
  });
  const year = parts.Y ?? parts.y;
  if (year === undefined || parts.m === undefined) return undefined;
  return isoDate(year, parts.m, parts.d ?? 1);
}
