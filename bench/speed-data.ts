import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { EntityRecord } from "../src/model/index.js";
import { loadLists } from "../src/sources/index.js";
import { openStore, type Store } from "../src/store/index.js";

const MATCHABLE = ["Person", "Organization", "LegalEntity", "Vessel", "Airplane"];

/** Load every list folder of shared/data that a reader on this branch claims; the store stays open. */
export async function loadSharedLists(data: string): Promise<{
  store: Store;
  entities: EntityRecord[];
  loaded: string[];
  skipped: string[];
}> {
  const store = await openStore(join(mkdtempSync(join(tmpdir(), "match-speed-")), "bench.db"));
  const loaded: string[] = [];
  const skipped: string[] = [];
  const folders = readdirSync(data).filter((name) =>
    /^(ofac|un_|uk_|eu_|canada|us_bis|opensanctions)/.test(name),
  );
  for (const folder of folders) {
    try {
      await loadLists(store, [join(data, folder)]);
      loaded.push(folder);
    } catch (error) {
      skipped.push(`${folder} (${(error as { code?: string }).code ?? (error as Error).message})`);
    }
  }
  const entities: EntityRecord[] = [];
  for await (const entity of store.iterateEntities({ schemata: MATCHABLE })) entities.push(entity);
  return { store, entities, loaded, skipped };
}

/** A small deterministic generator (mulberry32). */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES =
  "al,an,ar,ba,be,bo,da,de,di,do,el,en,fa,ga,go,ha,he,ia,in,ka,ko,la,le,li,lo,ma,me,mi,mo,na,ne,ni,no,ov,pa,pe,ra,re,ri,ro,sa,se,sh,si,so,ta,te,ti,to,va,ve,vi,za,ze,zh,kh,ch,ts,yu,ya".split(
    ",",
  );

/** A made-up name of 2-3 words, unlikely to be on any list. */
export function inventName(next: () => number): string {
  const word = () => {
    const length = 2 + Math.floor(next() * 3);
    let text = "";
    for (let i = 0; i < length; i++) text += SYLLABLES[Math.floor(next() * SYLLABLES.length)];
    return text[0]!.toUpperCase() + text.slice(1);
  };
  const words = 2 + Math.floor(next() * 2);
  return Array.from({ length: words }, word).join(" ");
}

/** A list name with one realistic change: a typo, a swap, a dropped word, upper case. */
export function perturbName(name: string, next: () => number): string {
  const words = name.split(/\s+/);
  const at = Math.floor(next() * name.length);
  switch (Math.floor(next() * 5)) {
    case 0:
      return name.slice(0, at) + name.slice(at + 1);
    case 1:
      return `${name.slice(0, at)}${name[at + 1] ?? ""}${name[at] ?? ""}${name.slice(at + 2)}`;
    case 2:
      return [...words.slice(1), words[0]].join(" ");
    case 3:
      return words.length > 2 ? words.filter((_, i) => i !== 1).join(" ") : name.toUpperCase();
    default:
      return `${name.slice(0, at)}e${name.slice(at + 1)}`;
  }
}

/**
 * A name from a pool of invented words picked with a Zipf-like skew, as real name words are
 * (many Mohammeds and Ivanovs, a long tail of rare surnames).
 */
function poolName(pool: string[], next: () => number): string {
  const words = 2 + Math.floor(next() * 2);
  return Array.from({ length: words }, () => pool[Math.floor(pool.length * next() ** 2.5)]!).join(
    " ",
  );
}

/** Generated entities: persons and companies with invented names, countries and dates. */
export function* generateEntities(count: number, seed = 7): Generator<EntityRecord> {
  const next = random(seed);
  const pool = Array.from(
    { length: Math.max(1000, Math.round(count / 4)) },
    () => inventName(next).split(" ")[0]!,
  );
  const countries = ["ru", "cn", "ir", "by", "kp", "sy", "ae", "tr", "de", "us"];
  for (let i = 0; i < count; i++) {
    const person = next() < 0.6;
    const name = poolName(pool, next);
    const properties: Record<string, string[]> = {
      name: [person ? name : `${name} ${next() < 0.5 ? "LLC" : "OOO"}`],
      country: [countries[Math.floor(next() * countries.length)]!],
    };
    if (person)
      properties.birthDate = [
        `19${50 + Math.floor(next() * 50)}-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 9)}`,
      ];
    if (next() < 0.3) properties.alias = [poolName(pool, next)];
    const schema = person ? "Person" : "Company";
    yield { id: `gen-${i}`, schema, caption: name, properties, datasets: ["generated"] };
  }
}
