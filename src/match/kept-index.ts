import { createHash } from "node:crypto";
import { deserialize, serialize } from "node:v8";
import { brotliCompressSync, brotliDecompressSync, constants } from "node:zlib";
import { type EntityRecord, model } from "../model/index.js";
import type { DatasetSummary, Store } from "../store/index.js";
import {
  appendSnapshot,
  type IndexSnapshot,
  snapshotEntities,
  snapshotIndex,
} from "./index-snapshot.js";
import { InMemoryMatchIndex } from "./match-index.js";
import { prepareNames } from "./prepare.js";
import type { MatchQuery } from "./types.js";

/** The schemata whose entities are indexed: everything a query can be matched to. */
export const MATCHABLE = Object.values(model.schemata)
  .filter((schema) => schema?.matchable)
  .map((schema) => schema!.name);

/** Entities per kept part: a part is restored in one go (some 10–40 ms). */
const PART_ENTITIES = 4096;

/** Raise when the parts' layout changes; a change in how names are prepared is caught by `PROBES`. */
const FORMAT = 2;

/**
 * Names in every script and shape preparing handles: a hash of their prepared form starts
 * every kept part (`preparation`), so that parts prepared by other code (another version,
 * other tuning) are not taken.
 */
const PROBES: MatchQuery[] = [
  {
    schema: "Person",
    properties: {
      name: ["Vladimir Vladimirovich Putin", "Путин Владимир", "Dr. J. R. R. Tolkien", "李强"],
      alias: ["Mohammad bin Salman Al Saud", "محمد بن سلمان", "Sergey Ivanov", "Kim Jong Un"],
    },
  },
  {
    schema: "Company",
    properties: {
      name: [
        "Izhevsk Electromechanical Plant Kupol JSC",
        "ООО «Вектор»",
        "四川艾特航空科技有限公司",
      ],
      alias: ["Sichuan AEE Co., Ltd.", "Capital Partners V LP", "U.S. Department of State"],
      previousName: ["TOO Kazakh-Tech 2000", "Hunan Haotianyi Intelligent Technology"],
    },
  },
];

/** What parts are kept under: one kind, whatever prepared them (see `preparation`). */
const KIND = "match-index";

let preparationMark: Buffer | undefined;

/**
 * What prepared a part, written at its start: the format, V8's serializer and how the probes
 * are prepared. A part prepared otherwise (another version, other tuning) is not taken but
 * prepared again, and replaces the old one.
 */
function preparation(): Buffer {
  if (preparationMark) return preparationMark;
  const hash = createHash("sha256");
  hash.update(`${FORMAT}\n${process.versions.v8}\n`);
  hash.update(JSON.stringify(PROBES.map((probe) => prepareNames(probe))));
  preparationMark = hash.digest().subarray(0, 16);
  return preparationMark;
}

/** The load of each dataset; undefined when one is not loaded (it came meanwhile). */
function loadsOf(
  datasets: Set<string>,
  loadedAt: Map<string, string>,
): Record<string, string> | undefined {
  const loads: Record<string, string> = {};
  for (const name of datasets) {
    const at = loadedAt.get(name);
    if (!at) return undefined;
    loads[name] = at;
  }
  return loads;
}

/** One dataset's share of the index: its kept parts, or its entities to prepare. */
type Share =
  | { dataset: DatasetSummary; parts: IndexSnapshot[] }
  | { dataset: DatasetSummary; entities: EntityRecord[] };

/** Parts prepared now, to keep for the next time. */
interface Prepared {
  dataset: string;
  derivedFrom: Record<string, string> | undefined;
  parts: Uint8Array[];
}

/**
 * A part as kept: Brotli at its fastest level makes the parts of the 12 shared lists 6.1 MB
 * instead of 24.1 (62 ms to compress them, 45 to decompress).
 */
function compress(part: Uint8Array): Uint8Array {
  const data = brotliCompressSync(part, { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } });
  return Buffer.concat([preparation(), data]);
}

/** The kept parts, if they were prepared as this code prepares them and can be read. */
function restoreParts(kept: Uint8Array[] | undefined): IndexSnapshot[] | undefined {
  const mark = preparation();
  if (!kept?.every((part) => mark.equals(part.subarray(0, mark.length)))) return undefined;
  try {
    return kept.map(
      (part) => deserialize(brotliDecompressSync(part.subarray(mark.length))) as IndexSnapshot,
    );
  } catch {
    // Unreadable parts are prepared again from the entities (and replaced).
    return undefined;
  }
}

/**
 * The candidate index of some datasets' entities, assembled from parts kept in the workspace
 * per dataset (prepared names, so that opening the index reads no name twice): a dataset
 * with no kept parts, or stale ones, has its entities read and prepared, and `keep` keeps
 * its parts for the next time. Assembled a slice at a time (`work`), or at once (`finish`).
 * An entity in two datasets is added once.
 * @example const assembly = await IndexAssembly.open(store, lists); const index = assembly.finish(); await assembly.keep(store);
 */
export class IndexAssembly {
  readonly index = new InMemoryMatchIndex();
  private readonly prepared: Prepared[] = [];
  private readonly steps: Generator<undefined>;
  private done = false;
  /** No entity is left out but those already in: parts are cut from the index itself. */
  private readonly takesAll: boolean;

  private constructor(
    shares: Share[],
    loadedAt: Map<string, string>,
    take: ((entity: EntityRecord) => boolean) | undefined,
  ) {
    this.takesAll = !take;
    const seen = new Set<string>();
    const takes = (entity: EntityRecord) => {
      if (seen.has(entity.id) || (take && !take(entity))) return false;
      seen.add(entity.id);
      return true;
    };
    this.steps = this.assemble(shares, loadedAt, takes);
  }

  /**
   * Read what the index of `datasets` needs: their kept parts, else their matchable entities.
   * Only entities `take` answers true for are indexed (all by default).
   */
  static async open(
    store: Store,
    datasets: DatasetSummary[],
    take?: (entity: EntityRecord) => boolean,
  ): Promise<IndexAssembly> {
    // Taken before the entities are read: a load that lands between makes the parts
    // prepared from them look stale, never the reverse.
    const loadedAt = new Map((await store.listDatasets()).map((d) => [d.name, d.loadedAt]));
    const shares: Share[] = [];
    const unkept = new Map<string, EntityRecord[]>();
    for (const dataset of datasets) {
      const parts = restoreParts(await store.getDerived?.(KIND, dataset.name));
      if (parts) shares.push({ dataset, parts });
      else {
        const entities: EntityRecord[] = [];
        unkept.set(dataset.name, entities);
        shares.push({ dataset, entities });
      }
    }
    // Read in one pass (a pass per dataset took 0.87 s for the 12 shared lists, one 0.5 s); an
    // entity in two of them goes to both, as each dataset's parts hold all of its entities.
    const names = [...unkept.keys()];
    if (names.length) {
      for await (const entity of store.iterateEntities({ datasets: names, schemata: MATCHABLE })) {
        for (const name of entity.datasets) unkept.get(name)?.push(entity);
      }
    }
    return new IndexAssembly(shares, loadedAt, take);
  }

  /** Assemble for about `ms` milliseconds (one step at least); false when it was complete. */
  work(ms = 2): boolean {
    if (this.done) return false;
    const end = performance.now() + ms;
    do this.done = this.steps.next().done === true;
    while (!this.done && performance.now() < end);
    return true;
  }

  /** The complete index. */
  finish(): InMemoryMatchIndex {
    while (!this.done) this.done = this.steps.next().done === true;
    return this.index;
  }

  /** Keep the parts prepared by this assembly; how many datasets had theirs kept. */
  async keep(store: Store): Promise<number> {
    let kept = 0;
    for (const { dataset, derivedFrom, parts } of this.prepared) {
      if (derivedFrom && (await store.putDerived?.(KIND, dataset, derivedFrom, parts))) {
        kept++;
      }
    }
    this.prepared.length = 0;
    return kept;
  }

  /** One step per kept part, and per entity prepared (then per part made of them). */
  private *assemble(
    shares: Share[],
    loadedAt: Map<string, string>,
    takes: (entity: EntityRecord) => boolean,
  ): Generator<undefined> {
    for (const share of shares) {
      if ("parts" in share) {
        for (const part of share.parts) {
          appendSnapshot(this.index, part, takes);
          yield;
        }
        continue;
      }
      const { entities } = share;
      const parts: Uint8Array[] = [];
      // An empty share keeps one empty part: its dataset is then known to have nothing.
      for (let start = 0; start < Math.max(1, entities.length); start += PART_ENTITIES) {
        const chunk = entities.slice(start, start + PART_ENTITIES);
        parts.push(compress(serialize(yield* this.preparePart(chunk, takes))));
        yield;
      }
      // Derived from every dataset an entity has statements in (its record folds them all).
      const sources = new Set([share.dataset.name, ...entities.flatMap((e) => e.datasets)]);
      const derivedFrom = loadsOf(sources, loadedAt);
      this.prepared.push({ dataset: share.dataset.name, derivedFrom, parts });
    }
  }

  /**
   * Prepare a part of a dataset's entities into the index, a step per entity, and give the
   * part. When the index takes them all, it prepares them itself and the part is cut from it;
   * else (entities left out, or already in from another dataset) the part is prepared apart,
   * and added to the index as a kept one is, which prepares every token a second time.
   */
  private *preparePart(
    chunk: EntityRecord[],
    takes: (entity: EntityRecord) => boolean,
  ): Generator<undefined, IndexSnapshot> {
    if (this.takesAll) {
      const from = this.index.size;
      let whole = true;
      for (const entity of chunk) {
        if (takes(entity)) this.index.add(entity);
        else whole = false;
        yield;
      }
      if (whole) return snapshotEntities(this.index, from, this.index.size);
    }
    const part = new InMemoryMatchIndex();
    for (const entity of chunk) {
      part.add(entity);
      yield;
    }
    const snapshot = snapshotIndex(part, "whole");
    if (!this.takesAll) appendSnapshot(this.index, snapshot, takes);
    return snapshot;
  }
}
