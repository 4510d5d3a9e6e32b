import { SanctraceError } from "../model/index.js";
import { chplLines, hsCodeLines, hsSectionLines } from "./hs-tables.generated.js";

/** A CHPL tier label as published: 1, 2, 3.A, 3.B, 4.A, 4.B. */
export type ChplTier = "1" | "2" | "3.A" | "3.B" | "4.A" | "4.B";

export const chplTiers: readonly ChplTier[] = ["1", "2", "3.A", "3.B", "4.A", "4.B"];

/** One level of the nomenclature with its description. */
export interface HsLevel {
  code: string;
  description: string;
}

/** What sanctrace knows about an HS code. */
export interface HsInfo {
  /** Digits only, 2–10 of them. */
  code: string;
  /** Dotted display form: 8806.21 or 8806.21.00.00. */
  display: string;
  section?: HsLevel;
  chapter?: HsLevel;
  heading?: HsLevel;
  subheading?: HsLevel;
  /** CHPL tier of the HS-6 subheading, when it is on the list. */
  chplTier?: ChplTier;
}

interface HsTables {
  codes: Map<string, { section: string; description: string }>;
  sections: Map<string, string>;
  chpl: Map<string, ChplTier>;
}

let tables: HsTables | undefined;

function splitLines(text: string): string[][] {
  return text.split("\n").map((line) => line.split("\t"));
}

/** Parse the generated tables once, on first use. */
function loadTables(): HsTables {
  if (tables) return tables;
  const codes = new Map<string, { section: string; description: string }>();
  for (const [code, section, description] of splitLines(hsCodeLines)) {
    codes.set(code!, { section: section!, description: description! });
  }
  const sections = new Map(splitLines(hsSectionLines).map(([id, name]) => [id!, name!]));
  const chpl = new Map(splitLines(chplLines).map(([code, tier]) => [code!, tier as ChplTier]));
  tables = { codes, sections, chpl };
  return tables;
}

/**
 * Normalize an HS code written in any common notation to its digits, or undefined when the
 * text is not one (2–10 digits, an even count, dots, spaces or dashes between groups).
 * @example normalizeHsCode("8806 21 00 00") // "8806210000"
 */
export function normalizeHsCode(text: string): string | undefined {
  const trimmed = text.trim();
  if (!/^\d[\d. -]*\d$/.test(trimmed)) return undefined;
  const digits = trimmed.replace(/[. -]/g, "");
  if (digits.length < 2 || digits.length > 10 || digits.length % 2) return undefined;
  return digits;
}

/**
 * Parse an HS code, refusing text that is not one with `hs_code_invalid`.
 * @example parseHsCode("8806.21") // "880621"
 */
export function parseHsCode(text: string, path?: string): string {
  const code = normalizeHsCode(text);
  if (!code) {
    throw new SanctraceError(
      "hs_code_invalid",
      `expected an HS code of 2 to 10 digits (8806, 8806.21, 8806 21 00 00), found "${text}"`,
      path,
    );
  }
  return code;
}

function displayCode(code: string): string {
  const groups = [code.slice(0, 4), ...(code.slice(4).match(/\d{2}/g) ?? [])].filter(Boolean);
  return groups.join(".");
}

function level(code: string): HsLevel | undefined {
  const row = loadTables().codes.get(code);
  return row && { code, description: row.description };
}

/**
 * Describe an HS code: section, chapter, heading, subheading and CHPL tier. National digits
 * beyond the sixth are kept in `code` but have no description.
 * @example describeHsCode("8806.21").heading?.description // "Unmanned aircraft"
 */
export function describeHsCode(text: string): HsInfo {
  const code = parseHsCode(text);
  const { codes, sections, chpl } = loadTables();
  const sectionId = codes.get(code.slice(0, 2))?.section;
  const sectionName = sectionId ? sections.get(sectionId) : undefined;
  const parts: Array<[keyof HsInfo, HsLevel | undefined]> = [
    [
      "section",
      sectionId && sectionName ? { code: sectionId, description: sectionName } : undefined,
    ],
    ["chapter", level(code.slice(0, 2))],
    ["heading", code.length >= 4 ? level(code.slice(0, 4)) : undefined],
    ["subheading", code.length >= 6 ? level(code.slice(0, 6)) : undefined],
  ];
  const info: HsInfo = { code, display: displayCode(code) };
  for (const [key, value] of parts) if (value) Object.assign(info, { [key]: value });
  const tier = code.length >= 6 ? chpl.get(code.slice(0, 6)) : undefined;
  if (tier) info.chplTier = tier;
  return info;
}

/**
 * The CHPL tier of a code (digits), when its HS-6 subheading is on the list.
 * @example chplTierOf("854231") // "1"
 */
export function chplTierOf(code: string): ChplTier | undefined {
  return code.length >= 6 ? loadTables().chpl.get(code.slice(0, 6)) : undefined;
}

/**
 * Every CHPL HS-6 code with its tier, in list order.
 * @example listChpl().length // 50
 */
export function listChpl(): Array<{ code: string; tier: ChplTier }> {
  return [...loadTables().chpl].map(([code, tier]) => ({ code, tier }));
}
