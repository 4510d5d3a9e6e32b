import { InMemoryMatchIndex, type MatchIndex } from "../match/index.js";
import type { EntityRecord } from "../model/index.js";
import type { Store } from "../store/index.js";

/**
 * The candidate index of the rest of the workspace (its legal entities), built a slice at a
 * time while a load waits for its table thread instead of before the load. The entities are
 * read before the load begins (the load may hold the file alone); `index` is complete once
 * `work` says there is nothing left, or after `finish`.
 * @example const making = await IndexMaking.read(store, "case"); while (making.work()); making.index
 */
export class IndexMaking {
  private at = 0;

  private constructor(
    private entities: EntityRecord[],
    readonly index: MatchIndex,
  ) {}

  /** Read the legal entities of every dataset but `dataset`. */
  static async read(store: Store, dataset: string): Promise<IndexMaking> {
    const datasets = (await store.listDatasets())
      .map((d) => d.name)
      .filter((name) => name !== dataset);
    const entities: EntityRecord[] = [];
    if (datasets.length) {
      for await (const entity of store.iterateEntities({ datasets, schemata: ["LegalEntity"] })) {
        entities.push(entity);
      }
    }
    return new IndexMaking(entities, new InMemoryMatchIndex());
  }

  /** Index entities for about `ms` milliseconds (one at least); false when the index was complete. */
  work(ms = 2): boolean {
    if (this.at >= this.entities.length) return false;
    const end = performance.now() + ms;
    do this.add();
    while (this.at < this.entities.length && performance.now() < end);
    return true;
  }

  /** The complete index. */
  finish(): MatchIndex {
    while (this.at < this.entities.length) this.add();
    return this.index;
  }

  private add(): void {
    this.index.add(this.entities[this.at++]!);
    // The index holds what it needs; the list goes once read through.
    if (this.at === this.entities.length) this.entities = [];
  }
}
