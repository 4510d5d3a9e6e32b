import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";

export interface LabelledPair {
  group: string;
  schema: string;
  left: string;
  right: string;
  match: boolean;
  logicV2: number | undefined;
}

/** The labelled rows of nomenklatura's name_bench (dev half). */
export function readNameBench(folder: string): LabelledPair[] {
  const rows = parse(readFileSync(join(folder, "name_bench_dev.csv")), { columns: true }) as Record<
    string,
    string
  >[];
  return rows.map((row) => ({
    group: row.case_group!,
    schema: row.schema!,
    left: row.name1!,
    right: row.name2!,
    match: row.is_match === "true",
    logicV2: row.logicv2_score ? Number(row.logicv2_score) : undefined,
  }));
}

/** Which half of name_bench a pair falls in: tuning looks at `dev` only, `held` is checked at the end. */
export type BenchHalf = "dev" | "held";

/**
 * A deterministic split by the sha256 of the pair (schema|left|right): low bit 0 is `dev`.
 * @example benchHalf({ schema: "Person", left: "A", right: "B", ... }) // "dev" or "held"
 */
export function benchHalf(row: Pick<LabelledPair, "schema" | "left" | "right">): BenchHalf {
  const digest = createHash("sha256").update(`${row.schema}|${row.left}|${row.right}`).digest();
  return (digest[0]! & 1) === 0 ? "dev" : "held";
}

/** Positive pairs of other name files: [left, right, source]. */
export function readPositivePairs(folder: string): Record<string, [string, string][]> {
  const rupep = (
    parse(readFileSync(join(folder, "rupep_names_ru_en.csv")), { columns: true }) as {
      name_ru: string;
      name_en: string;
    }[]
  ).map((row): [string, string] => [row.name_ru, row.name_en]);
  const watchman = readFileSync(join(folder, "watchman_cross_script_pairs.csv"), "utf8")
    .split("\n")
    .filter((line) => line.trim() && !line.startsWith("#"))
    .map((line): [string, string] => {
      const [query, expected] = line.split(",");
      return [query!, expected!];
    });
  const putin = readFileSync(join(folder, "putin_names_multiscript.txt"), "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line): [string, string] => [line.trim(), "Vladimir Vladimirovich Putin"]);
  return { rupep, watchman, putin, ...readWikidata(folder) };
}

/** Wikidata token transliterations, the first 2,000 of each script. */
function readWikidata(folder: string): Record<string, [string, string][]> {
  const scripts = ["russian", "chinese", "arabic", "hebrew", "korean", "katakana"];
  const out: Record<string, [string, string][]> = {};
  for (const script of scripts) {
    const text = readFileSync(
      join(folder, "wikidata_transliteration", `wd_${script}_20.tsv`),
      "utf8",
    );
    out[`wikidata_${script}`] = text
      .split("\n")
      .filter(Boolean)
      .slice(0, 2000)
      .map((line): [string, string] => {
        const [latin, native] = line.split("\t");
        return [native!.replace(/ /g, ""), latin!];
      });
  }
  return out;
}

/** The script of a pair: one name per script, `latin`, `cyrillic`, or `a->b` when mixed. */
export function pairScript(left: string, right: string): string {
  const script = (text: string) => {
    if (/\p{Script=Cyrillic}/u.test(text)) return "cyrillic";
    if (/\p{Script=Han}/u.test(text)) return "han";
    if (/\p{Script=Arabic}/u.test(text)) return "arabic";
    if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text)) return "japanese";
    if (/\p{Script=Hangul}/u.test(text)) return "hangul";
    if (/\p{Script=Hebrew}/u.test(text)) return "hebrew";
    if (/\p{Script=Greek}/u.test(text)) return "greek";
    return /[^\u0000-\u007f]/.test(text) ? "latin-diacritics" : "latin";
  };
  const [a, b] = [script(left), script(right)].sort();
  return a === b ? a! : `${a}~${b}`;
}
