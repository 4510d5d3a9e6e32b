/**
 * Generate src/text/legal-forms.data.json from opensanctions/rigour's org_types.yml and
 * symbols.yml (MIT) in ../shared/data/legal_forms, so the product never reads ../shared.
 * Run: node --import tsx scripts/generate-legal-forms.ts [shared/data/legal_forms]
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse } from "yaml";

interface OrgType {
  display?: string;
  compare?: string;
  generic?: string;
  aliases?: string[];
}

export const NOTICE =
  "Generated from opensanctions/rigour resources/names/org_types.yml and symbols.yml " +
  "(commit 8f4044dd6719d71e8ba59b5033818ff407e0efab). MIT License, Copyright (c) 2023-2025 " +
  "OpenSanctions Datenbanken GmbH. Regenerate with scripts/generate-legal-forms.ts.";

const SYMBOL_SECTIONS = ["org_symbols", "org_domains", "person_symbols", "person_nick"];

function fold(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

function uniqueFolded(values: unknown[]): string[] {
  const folded = values.filter((value) => value !== null && value !== "").map(String).map(fold);
  return [...new Set(folded)].sort();
}

/** One legal form: [class, display, aliases]; the class is `generic`, else `compare`. */
function toLegalForm(type: OrgType): [string, string, string[]] | undefined {
  const display = type.display ?? type.compare ?? type.aliases?.[0];
  const className = type.generic || type.compare || display;
  if (!display || !className) return undefined;
  const aliases = uniqueFolded([display, type.compare ?? "", ...(type.aliases ?? [])]);
  return [className.toUpperCase(), display, aliases];
}

/**
 * The JSON text of the table: legal forms and symbol groups, aliases NFKC-folded.
 * @example buildLegalFormTable("../shared/data/legal_forms").length > 1000 // true
 */
export function buildLegalFormTable(folder: string): string {
  const orgTypes = parse(readFileSync(join(folder, "org_types.yml"), "utf8")) as {
    types: OrgType[];
  };
  const symbols = parse(readFileSync(join(folder, "symbols.yml"), "utf8")) as Record<
    string,
    Record<string, unknown[]>
  >;
  const legalForms = orgTypes.types.map(toLegalForm).filter((form) => form !== undefined);
  const groups: Record<string, string[]> = {};
  for (const section of SYMBOL_SECTIONS) {
    for (const [key, words] of Object.entries(symbols[section] ?? {})) {
      groups[`${section}:${key}`] = uniqueFolded([key, ...(words ?? [])]);
    }
  }
  return `${JSON.stringify({ notice: NOTICE, legalForms, symbols: groups })}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const folder = resolve(process.argv[2] ?? "../shared/data/legal_forms");
  const out = resolve(import.meta.dirname, "../src/text/legal-forms.data.json");
  writeFileSync(out, buildLegalFormTable(folder));
  console.log(`wrote ${out}`);
}
