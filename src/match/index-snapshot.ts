import type { EntityRecord } from "../model/index.js";
import { factRecord } from "./facts.js";
import { InMemoryMatchIndex } from "./match-index.js";
import { prepareToken, rememberToken } from "./prepare.js";
import { restoreTokens, snapshotTokens, type TokenSnapshot } from "./token-snapshot.js";

/**
 * An index as plain data that a worker thread can receive (structured clone) and restore
 * without normalizing or transliterating a single name again.
 */
export interface IndexSnapshot {
  /** The entities, whole or with only the properties scoring reads besides the names (`factRecord`). */
  entities: EntityRecord[];
  /** The vocabulary, prepared. */
  tokens: TokenSnapshot;
  entityRows: Int32Array;
  rowStart: Int32Array;
  rowTokens: Int32Array;
  rowJoined: Float64Array;
  rowSounds: Float64Array;
  nameWeight: Float64Array;
  rowForms: [number, string[]][];
}

/**
 * The plain-data form of an index; its entities with only the properties scoring reads
 * (`facts`, for a worker), or `whole` (for hits that show them).
 * @example const copy = restoreIndex(snapshotIndex(index)); // in a worker
 */
export function snapshotIndex(
  index: InMemoryMatchIndex,
  entities: "facts" | "whole" = "facts",
): IndexSnapshot {
  const { vocabulary, count } = index;
  return {
    entities: entities === "whole" ? [...index.entities] : index.entities.map(factRecord),
    tokens: snapshotTokens(vocabulary.tokens, vocabulary.kinds),
    entityRows: Int32Array.from(index.entityRows),
    rowStart: index.rowStart.slice(0, count),
    rowTokens: index.rowTokens.slice(0, index.tokenCount),
    rowJoined: index.rowJoined.slice(0, count),
    rowSounds: index.rowSounds.slice(0, count),
    nameWeight: index.nameWeight.slice(0, count),
    rowForms: [...index.rowForms],
  };
}

/**
 * The plain-data form of the entities `from` to `to` of an index, whole, as an index of those
 * entities alone gives it (`snapshotIndex(index, "whole")`): their tokens numbered in the order
 * their rows first use them.
 * @example snapshotEntities(index, 0, 4096) // what an index of the first 4,096 entities gives
 */
export function snapshotEntities(
  index: InMemoryMatchIndex,
  from: number,
  to: number,
): IndexSnapshot {
  const { vocabulary, count } = index;
  const firstRow = index.entityRows[from] ?? count;
  const endRow = index.entityRows[to] ?? count;
  const firstToken = firstRow < count ? index.rowStart[firstRow]! : index.tokenCount;
  const endToken = endRow < count ? index.rowStart[endRow]! : index.tokenCount;
  const local = new Map<number, number>();
  const used: number[] = [];
  const rowTokens = new Int32Array(endToken - firstToken);
  for (let at = firstToken; at < endToken; at++) {
    const id = index.rowTokens[at]!;
    let own = local.get(id);
    if (own === undefined) {
      own = used.length;
      used.push(id);
      local.set(id, own);
    }
    rowTokens[at - firstToken] = own;
  }
  const rowForms: [number, string[]][] = [];
  for (const [row, forms] of index.rowForms) {
    if (row >= firstRow && row < endRow) rowForms.push([row - firstRow, forms]);
  }
  return {
    entities: index.entities.slice(from, to),
    tokens: snapshotTokens(
      used.map((id) => vocabulary.tokens[id]!),
      used.map((id) => vocabulary.kinds[id]!),
    ),
    entityRows: Int32Array.from(index.entityRows.slice(from, to), (row) => row - firstRow),
    rowStart: index.rowStart.slice(firstRow, endRow).map((start) => start - firstToken),
    rowTokens,
    rowJoined: index.rowJoined.slice(firstRow, endRow),
    rowSounds: index.rowSounds.slice(firstRow, endRow),
    nameWeight: index.nameWeight.slice(firstRow, endRow),
    rowForms,
  };
}

/**
 * Rebuild an index from its snapshot: the same token ids, rows and entity positions, so it
 * returns exactly what the original returns.
 * @example const index = restoreIndex(snapshot); index.match(query);
 */
export function restoreIndex(snapshot: IndexSnapshot): InMemoryMatchIndex {
  const index = new InMemoryMatchIndex();
  const { tokens, kinds } = restoreTokens(snapshot.tokens);
  tokens.forEach((token, id) => {
    // Remembered, so the vocabulary and the queries take the token as it is.
    rememberToken(token, kinds[id]!);
    index.vocabulary.intern(prepareToken(token.text, kinds[id]!, token.abjad), kinds[id]!);
  });
  addRows(index, snapshot, undefined, () => true);
  return index;
}

/**
 * Add the entities of a snapshot to an index, as `add` would have added them one by one
 * after those it holds: a token is interned in the index's vocabulary where a row first
 * uses it. Only entities `take` answers true for are added.
 * @example for (const part of parts) appendSnapshot(index, part, (entity) => !seen.has(entity.id));
 */
export function appendSnapshot(
  index: InMemoryMatchIndex,
  snapshot: IndexSnapshot,
  take: (entity: EntityRecord) => boolean,
): void {
  const { tokens, kinds } = restoreTokens(snapshot.tokens);
  const ids = new Int32Array(tokens.length).fill(-1);
  const idOf = (token: number) => {
    let id = ids[token]!;
    if (id < 0) {
      const info = tokens[token]!;
      const kind = kinds[token]!;
      rememberToken(info, kind);
      id = index.vocabulary.intern(prepareToken(info.text, kind, info.abjad), kind);
      ids[token] = id;
    }
    return id;
  };
  addRows(index, snapshot, idOf, take);
}

/**
 * File the entities of a snapshot that `take` takes, with their rows, their tokens as `idOf`
 * maps them (as they are when the index has the snapshot's token ids).
 */
function addRows(
  index: InMemoryMatchIndex,
  snapshot: IndexSnapshot,
  idOf: ((token: number) => number) | undefined,
  take: (entity: EntityRecord) => boolean,
): void {
  const forms = new Map(snapshot.rowForms);
  const rowCount = snapshot.rowStart.length;
  snapshot.entities.forEach((entity, at) => {
    if (!take(entity)) return;
    const entityIndex = index.addEntity(entity);
    const end = snapshot.entityRows[at + 1] ?? rowCount;
    for (let row = snapshot.entityRows[at]!; row < end; row++) {
      const last = row + 1 < rowCount ? snapshot.rowStart[row + 1]! : snapshot.rowTokens.length;
      const name = {
        joined: snapshot.rowJoined[row]!,
        sounds: snapshot.rowSounds[row]!,
        weight: snapshot.nameWeight[row]!,
      };
      const tokens = snapshot.rowTokens.subarray(snapshot.rowStart[row]!, last);
      index.addRow(entityIndex, name, idOf ? tokens.map(idOf) : tokens, forms.get(row) ?? []);
    }
  });
}
