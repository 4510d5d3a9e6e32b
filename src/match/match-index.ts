import type { EntityRecord } from "../model/index.js";
import { CandidateScratch, findCandidateRows, type NameRows } from "./candidates.js";
import { collectFacts, schemataCompatible } from "./facts.js";
import { nameKind, type PreparedName, prepareNames } from "./prepare.js";
import { type PreparedRecord, prepareRecord, scorePrepared } from "./score.js";
import {
  DEFAULT_LIMIT,
  DEFAULT_THRESHOLD,
  type MatchHit,
  type MatchIndex,
  type MatchOptions,
  type MatchQuery,
} from "./types.js";
import { Vocabulary } from "./vocabulary.js";

/** Doubling Float64Array for per-row numbers. */
function grow(array: Float64Array, size: number): Float64Array {
  if (array.length >= size) return array;
  const next = new Float64Array(Math.max(size, array.length * 2, 1024));
  next.set(array);
  return next;
}

/**
 * The in-memory candidate index: name tokens interned in a vocabulary with skeleton,
 * one-deletion, phonetic, symbol-group and initial keys; name rows with their weights;
 * identifiers and joined skeletons as exact keys. Candidates are scored with `scorePrepared`.
 */
export class InMemoryMatchIndex implements MatchIndex, NameRows {
  readonly vocabulary = new Vocabulary();
  readonly postings: number[][] = [];
  nameWeight: Float64Array = new Float64Array(0);
  count = 0;
  private readonly entities: EntityRecord[] = [];
  private readonly rowEntity: number[] = [];
  private readonly rowTokens: Int32Array[] = [];
  private readonly rowForms = new Map<number, string[]>();
  private readonly entityRows: number[] = [];
  private readonly joined = new Map<string, number[]>();
  private readonly identifiers = new Map<string, number[]>();
  private readonly scratch = new CandidateScratch();

  get size(): number {
    return this.entities.length;
  }

  add(entity: EntityRecord): void {
    const entityIndex = this.entities.length;
    this.entities.push(entity);
    this.entityRows.push(this.count);
    const kind = nameKind(entity.schema);
    for (const name of prepareNames(entity)) this.addRow(entityIndex, name, kind);
    for (const id of collectFacts(entity).identifiers) {
      if (id.startsWith("*:")) pushTo(this.identifiers, id, entityIndex);
    }
  }

  private addRow(entityIndex: number, name: PreparedName, kind: "person" | "org"): void {
    const row = this.count++;
    const ids = name.tokens.map((token) => this.vocabulary.intern(token, kind));
    this.rowEntity.push(entityIndex);
    this.rowTokens.push(Int32Array.from(ids));
    if (name.forms.length) this.rowForms.set(row, name.forms);
    this.nameWeight = grow(this.nameWeight, this.count);
    this.nameWeight[row] = name.weight;
    for (const id of ids) {
      const posting = this.postings[id];
      if (posting) posting.push(row);
      else this.postings[id] = [row];
    }
    pushTo(this.joined, name.joined, row);
  }

  /** The prepared names of an entity, rebuilt from its rows without re-normalizing. */
  private preparedEntity(entityIndex: number): PreparedRecord {
    const entity = this.entities[entityIndex]!;
    const end = this.entityRows[entityIndex + 1] ?? this.count;
    const names: PreparedName[] = [];
    for (let row = this.entityRows[entityIndex]!; row < end; row++) {
      const tokens = [...this.rowTokens[row]!].map((id) => this.vocabulary.tokens[id]!);
      const joined = tokens.map((token) => token.skeleton).join("");
      const forms = this.rowForms.get(row) ?? [];
      names.push({ tokens, forms, joined, weight: this.nameWeight[row]! });
    }
    return { names, facts: collectFacts(entity) };
  }

  private candidates(query: PreparedRecord, threshold: number): Set<number> {
    const found = new Set<number>();
    for (const name of query.names) {
      for (const row of findCandidateRows(this, this.scratch, name, threshold)) {
        found.add(this.rowEntity[row]!);
      }
      for (const row of this.joined.get(name.joined) ?? []) found.add(this.rowEntity[row]!);
    }
    for (const id of query.facts.identifiers) {
      for (const entityIndex of this.identifiers.get(id) ?? []) found.add(entityIndex);
    }
    return found;
  }

  match(query: MatchQuery, options: MatchOptions = {}): MatchHit[] {
    const threshold = options.threshold ?? DEFAULT_THRESHOLD;
    const prepared = prepareRecord(query);
    const schema = options.schema ?? query.schema;
    const hits: MatchHit[] = [];
    for (const entityIndex of this.candidates(prepared, threshold)) {
      const entity = this.entities[entityIndex]!;
      if (!acceptable(entity, schema, options)) continue;
      const result = scorePrepared(prepared, this.preparedEntity(entityIndex));
      hits.push({ ...hitOf(entity), ...result, match: result.score >= threshold });
    }
    hits.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
    return hits.slice(0, options.limit ?? DEFAULT_LIMIT);
  }
}

function pushTo(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (list[list.length - 1] !== value) list.push(value);
}

function acceptable(entity: EntityRecord, schema: string, options: MatchOptions): boolean {
  if (options.exclude?.(entity.id)) return false;
  if (options.datasets?.length && !entity.datasets.some((d) => options.datasets!.includes(d))) {
    return false;
  }
  return schemataCompatible(schema, entity.schema);
}

function hitOf(entity: EntityRecord) {
  const { id, caption, schema, datasets } = entity;
  return { id, caption, schema, datasets, entity };
}

/**
 * Build the in-memory candidate index (name tokens, n-grams, phonetic keys, identifiers).
 * @example
 * const index = await buildMatchIndex(store.entities());
 * index.match({ schema: "Person", properties: { name: ["Vladimir Putin"] } })[0].score // 1
 */
export async function buildMatchIndex(
  entities: Iterable<EntityRecord> | AsyncIterable<EntityRecord>,
): Promise<MatchIndex> {
  const index = new InMemoryMatchIndex();
  for await (const entity of entities) index.add(entity);
  return index;
}
