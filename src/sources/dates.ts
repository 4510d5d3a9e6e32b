const MONTHS: Record<string, string> = {
  jan: "01",
  feb: "02",
  mar: "03",
  apr: "04",
  may: "05",
  jun: "06",
  jul: "07",
  aug: "08",
  sep: "09",
  oct: "10",
  nov: "11",
  dec: "12",
};

// One pass finds every date form the lists use: 23 Apr 2002, Apr 2002, 2002-04-23,
// 23/04/2002, 23.04.2002, 2002.
const MONTH = "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?";
const DATE_RE = new RegExp(
  `\\b(?:(\\d{1,2})[ -]${MONTH}[ -](\\d{4})|${MONTH} (\\d{4})|(\\d{4})-(\\d{2})-(\\d{2})|(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4})|(\\d{4}))\\b`,
  "gi",
);

const pad = (value: string) => value.padStart(2, "0");

function toIso(match: RegExpMatchArray): string | undefined {
  const [, day, mon, year, mon2, year2, isoY, isoM, isoD, dmyD, dmyM, dmyY, onlyYear] = match;
  if (year && mon && day) {
    const month = MONTHS[mon.toLowerCase()];
    return month ? `${year}-${month}-${pad(day)}` : undefined;
  }
  if (year2 && mon2) {
    const month = MONTHS[mon2.toLowerCase()];
    return month ? `${year2}-${month}` : undefined;
  }
  if (isoY && isoM && isoD) return `${isoY}-${isoM}-${isoD}`;
  if (dmyY && dmyM && dmyD) return `${dmyY}-${pad(dmyM)}-${pad(dmyD)}`;
  return onlyYear;
}

/**
 * Every date in a text, as ISO prefixes (`2002-04-23`, `2002-04`, `2002`). Ranges give both
 * ends; "circa" is dropped.
 * @example isoDates("26 Sep 1946 to 07 Dec 1946") // ["1946-09-26", "1946-12-07"]
 * @example isoDates("circa 1960") // ["1960"]
 */
export function isoDates(text: string): string[] {
  const dates: string[] = [];
  for (const match of text.matchAll(DATE_RE)) {
    const iso = toIso(match);
    if (iso && isPlausible(iso) && !dates.includes(iso)) dates.push(iso);
  }
  return dates;
}

function isPlausible(iso: string): boolean {
  const [year, month, day] = iso.split("-").map(Number);
  if (!year || year < 1800 || year > 2100) return false;
  if (month !== undefined && (month < 1 || month > 12)) return false;
  return day === undefined || (day >= 1 && day <= 31);
}
