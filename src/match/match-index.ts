import type { EntityRecord } from "../model/index.js";
import { CandidateSet } from "./candidate-set.js";
import { CandidateScratch, findCandidateRows, type NameRows } from "./candidates.js";
import {
  collectFacts,
  identifierKeys,
  type RecordFacts,
  schemataCompatible,
  schemeBits,
} from "./facts.js";
import { JoinedRows } from "./joined-rows.js";
import { JOINED_SIMILARITY, JOINED_SOUND_SIMILARITY } from "./name-score.js";
import { type NameKind, nameKind, type PreparedName, prepareNames } from "./prepare.js";
import { CONFLICT_COST, ORGANIZATION_ROW, ROUNDING_SLACK } from "./row-bounds.js";
import { type PreparedRecord, prepareRecord, scorePrepared } from "./score.js";
import type { TokenInfo } from "./token-similarity.js";
import {
  DEFAULT_LIMIT,
  DEFAULT_THRESHOLD,
  type MatchHit,
  type MatchIndex,
  type MatchOptions,
  type MatchQuery,
  type PairScore,
} from "./types.js";
import { Vocabulary } from "./vocabulary.js";

function growFloat(array: Float64Array, size: number): Float64Array {
  const next = new Float64Array(size);
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
  /** Row storage below is read by `snapshotIndex` and `restoreIndex`; not part of the API. */
  readonly entities: EntityRecord[] = [];
  rowEntity: Int32Array = new Int32Array(1024);
  rowStart: Int32Array = new Int32Array(1024);
  rowTokens: Int32Array = new Int32Array(4096);
  tokenCount = 0;
  rowJoined: Float64Array = new Float64Array(1024);
  rowSounds: Float64Array = new Float64Array(1024);
  rowSchemes: Int32Array = new Int32Array(1024);
  postingSchemes: Int32Array = new Int32Array(1024);
  /** Per entity: its identifier schemes (`schemeBits`). */
  private entitySchemes: Int32Array = new Int32Array(1024);
  readonly rowForms = new Map<number, string[]>();
  readonly entityRows: number[] = [];
  private readonly joined = new JoinedRows();
  private readonly sounds = new JoinedRows();
  private readonly identifiers = new Map<string, number[]>();
  private readonly scratch = new CandidateScratch();
  private readonly found = new CandidateSet();
  /** Filled as entities are scored: rebuilding these per candidate dominated query time. */
  private readonly factsCache: (RecordFacts | undefined)[] = [];
  private readonly rowCache: (PreparedName | undefined)[] = [];

  get size(): number {
    return this.entities.length;
  }

  add(entity: EntityRecord): void {
    const entityIndex = this.addEntity(entity);
    const kind = nameKind(entity.schema);
    for (const name of prepareNames(entity)) {
      const tokens = name.tokens.map((token) => this.vocabulary.intern(token, kind));
      this.addRow(entityIndex, name, tokens, name.forms);
    }
  }

  /** File an entity and its identifiers; its rows follow with `addRow`. */
  addEntity(entity: EntityRecord): number {
    const entityIndex = this.entities.length;
    this.entities.push(entity);
    this.entityRows.push(this.count);
    const props = new Set<string>();
    const keys = identifierKeys(entity, props);
    if (entityIndex >= this.entitySchemes.length) {
      this.entitySchemes = growInt(this.entitySchemes, entityIndex * 2);
    }
    this.entitySchemes[entityIndex] = schemeBits(props);
    for (const id of keys) {
      if (id.startsWith("*:")) pushTo(this.identifiers, id, entityIndex);
    }
    return entityIndex;
  }

  /** File one name row of the entity added last, its tokens already interned. */
  addRow(
    entityIndex: number,
    name: Pick<PreparedName, "joined" | "sounds" | "weight">,
    tokens: ArrayLike<number>,
    forms: string[],
  ): void {
    const row = this.count++;
    this.growRows(this.count + 1, this.tokenCount + tokens.length);
    this.rowEntity[row] = entityIndex;
    this.rowStart[row] = this.tokenCount;
    this.rowJoined[row] = name.joined;
    this.rowSounds[row] = name.sounds;
    this.nameWeight[row] = name.weight;
    const schemes = this.entitySchemes[entityIndex]!;
    // A row's tokens are interned with its entity's kind.
    const organization = tokens.length > 0 && this.vocabulary.kinds[tokens[0]!] === "org";
    this.rowSchemes[row] = schemes | (organization ? ORGANIZATION_ROW : 0);
    if (forms.length) this.rowForms.set(row, forms);
    for (let at = 0; at < tokens.length; at++) {
      const id = tokens[at]!;
      this.rowTokens[this.tokenCount++] = id;
      if (id >= this.postingSchemes.length) {
        this.postingSchemes = growInt(this.postingSchemes, (id + 1) * 2);
      }
      const posting = this.postings[id];
      if (posting) {
        posting.push(row);
        this.postingSchemes[id]! &= schemes;
      } else {
        this.postings[id] = [row];
        this.postingSchemes[id] = schemes;
      }
    }
    this.joined.add(name.joined, tokens.length, row);
    if (name.sounds) this.sounds.add(name.sounds, tokens.length, row);
  }

  private growRows(rows: number, tokens: number): void {
    if (rows > this.rowEntity.length) {
      const size = rows * 2;
      this.rowEntity = growInt(this.rowEntity, size);
      this.rowStart = growInt(this.rowStart, size);
      this.rowJoined = growFloat(this.rowJoined, size);
      this.rowSounds = growFloat(this.rowSounds, size);
      this.rowSchemes = growInt(this.rowSchemes, size);
    }
    if (tokens > this.rowTokens.length) this.rowTokens = growInt(this.rowTokens, tokens * 2);
    if (rows > this.nameWeight.length) this.nameWeight = growFloat(this.nameWeight, rows * 2);
  }

  /**
   * The prepared names of an entity, rebuilt from its rows without re-normalizing. Only the
   * given rows are compared: a row that failed the bound cannot reach the threshold.
   */
  private preparedEntity(entityIndex: number, rows: Set<number> | undefined): PreparedRecord {
    const entity = this.entities[entityIndex]!;
    const end = this.entityRows[entityIndex + 1] ?? this.count;
    const names: PreparedName[] = [];
    const forms = new Set<string>();
    const kind = nameKind(entity.schema);
    for (let row = this.entityRows[entityIndex]!; row < end; row++) {
      for (const form of this.rowForms.get(row) ?? []) forms.add(form);
      if (!rows || rows.has(row)) names.push(this.preparedRow(row, kind));
    }
    this.factsCache[entityIndex] ??= collectFacts(entity);
    return { names, forms, facts: this.factsCache[entityIndex] };
  }

  /** The number of tokens of a name row. */
  private rowLength(row: number): number {
    const end = row + 1 < this.count ? this.rowStart[row + 1]! : this.tokenCount;
    return end - this.rowStart[row]!;
  }

  private preparedRow(row: number, kind: NameKind): PreparedName {
    const cached = this.rowCache[row];
    if (cached) return cached;
    const start = this.rowStart[row]!;
    const end = start + this.rowLength(row);
    const tokens: TokenInfo[] = [];
    for (let at = start; at < end; at++) {
      tokens.push(this.vocabulary.tokens[this.rowTokens[at]!]!);
    }
    const forms = this.rowForms.get(row) ?? [];
    const joined = this.rowJoined[row]!;
    const sounds = this.rowSounds[row]!;
    const name = { tokens, forms, joined, sounds, weight: this.nameWeight[row]!, kind };
    this.rowCache[row] = name;
    return name;
  }

  /**
   * Candidate entities with the rows worth comparing (all of them for a shared identifier)
   * and a score bound, in `this.found`, ordered for `next`.
   */
  private candidates(query: PreparedRecord, threshold: number): CandidateSet {
    const found = this.found;
    found.reset(this.entities.length, this.count);
    const addRow = (row: number, bound: number) => found.addRow(this.rowEntity[row]!, row, bound);
    const schemes = schemeBits(query.facts.identifierProps);
    const floor = threshold - ROUNDING_SLACK;
    for (const name of query.names) {
      findCandidateRows(this, this.scratch, { name, threshold, schemes }, addRow);
      // A joined-name hit scores at most the joined similarity, and nothing when both names
      // have the same number of words (then only the token alignment counts).
      const words = name.tokens.length;
      const addJoined = (row: number, similarity: number) => {
        const rowWords = this.rowLength(row);
        const bound = similarity - (this.rowSchemes[row]! & schemes ? CONFLICT_COST : 0);
        if ((rowWords !== words || words <= 1) && bound >= floor) addRow(row, bound);
      };
      if (JOINED_SIMILARITY >= floor) {
        this.joined.forEachOtherCount(name.joined, words, (row) =>
          addJoined(row, JOINED_SIMILARITY),
        );
      }
      if (name.sounds && JOINED_SOUND_SIMILARITY >= floor) {
        this.sounds.forEachOtherCount(name.sounds, words, (row) =>
          addJoined(row, JOINED_SOUND_SIMILARITY),
        );
      }
    }
    // An entity sharing an identifier gains more than any conflict costs: all its names count.
    for (const id of query.facts.identifiers) {
      for (const entityIndex of this.identifiers.get(id) ?? []) {
        found.addEntity(entityIndex, 1);
      }
    }
    found.order();
    return found;
  }

  /**
   * The best `limit` hits for a query. Every entity scoring at or above `threshold` is a
   * candidate (the differential test checks this against brute force); candidates are scored
   * in order of their upper bound and scoring stops once `limit` hits beat the next bound.
   * Scored candidates below the threshold come back with `match: false`.
   * @example index.match({ schema: "Person", properties: { name: ["Putin Vladimir"] } })[0].id
   */
  match(query: MatchQuery, options: MatchOptions = {}): MatchHit[] {
    return this.search(query, options).map((found) => this.hitOf(found));
  }

  /**
   * `match` without the entities: the hits as entity positions, for a worker thread to send.
   * @example index.search(query).map((found) => index.hitOf(found))
   */
  search(query: MatchQuery, options: MatchOptions = {}): FoundEntity[] {
    const threshold = options.threshold ?? DEFAULT_THRESHOLD;
    const limit = options.limit ?? DEFAULT_LIMIT;
    const explain = options.explain ?? true;
    // Nothing to find (a fresh workspace): the query is not prepared.
    if (!this.size) return [];
    const prepared = prepareRecord(query);
    const schema = options.schema ?? query.schema;
    const candidates = this.candidates(prepared, threshold);
    const found: FoundEntity[] = [];
    const top: number[] = [];
    for (let entityIndex = candidates.next(); entityIndex >= 0; entityIndex = candidates.next()) {
      const bound = candidates.bound(entityIndex);
      if (top.length >= limit && top[limit - 1]! > bound + ROUNDING_SLACK) break;
      const entity = this.entities[entityIndex]!;
      if (!acceptable(entity, schema, options)) continue;
      const names = this.preparedEntity(entityIndex, candidates.rows(entityIndex));
      const { score, features, explanation } = scorePrepared(prepared, names, explain);
      const match = score >= threshold;
      found.push({ entityIndex, score, features, explanation: explain ? explanation : [], match });
      insertScore(top, score, limit);
    }
    const ids = this.entities;
    found.sort(
      (a, b) => b.score - a.score || ids[a.entityIndex]!.id.localeCompare(ids[b.entityIndex]!.id),
    );
    return found.slice(0, limit);
  }

  /** The hit of a found entity, in the shape `match` returns. */
  hitOf({ entityIndex, ...result }: FoundEntity): MatchHit {
    const entity = this.entities[entityIndex]!;
    const { id, caption, schema, datasets } = entity;
    return { id, caption, schema, datasets, entity, ...result };
  }
}

/** A scored entity by its position in the index. */
export interface FoundEntity extends PairScore {
  entityIndex: number;
  match: boolean;
}

/** Keep the best `limit` scores, highest first. */
function insertScore(top: number[], score: number, limit: number): void {
  let at = top.length;
  while (at > 0 && top[at - 1]! < score) at--;
  if (at < limit) top.splice(at, 0, score);
  if (top.length > limit) top.pop();
}

function growInt(array: Int32Array, size: number): Int32Array {
  const next = new Int32Array(size);
  next.set(array);
  return next;
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

/**
 * Build the in-memory candidate index (name tokens, n-grams, phonetic keys, identifiers).
 * @example
 * const index = await buildMatchIndex(store.entities());
 * index.match({ schema: "Person", properties: { name: ["Vladimir Putin"] } })[0].score // 1
 */
export async function buildMatchIndex(
  entities: Iterable<EntityRecord> | AsyncIterable<EntityRecord>,
): Promise<InMemoryMatchIndex> {
  const index = new InMemoryMatchIndex();
  for await (const entity of entities) index.add(entity);
  return index;
}
