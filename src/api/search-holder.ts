import { buildSearchIndex, type SearchIndex } from "../report/index.js";
import type { Store } from "../store/index.js";

/**
 * The typeahead index of a server, built on first use and again whenever a dataset is
 * (re)loaded or dropped.
 * @example const index = await holdSearchIndex(store)();
 */
export function holdSearchIndex(store: Store): () => Promise<SearchIndex> {
  let held: { fingerprint: string; index: Promise<SearchIndex> } | undefined;
  return async () => {
    const datasets = await store.listDatasets();
    const fingerprint = datasets.map((d) => `${d.name}@${d.loadedAt}`).join("|");
    if (!held || held.fingerprint !== fingerprint) {
      const index = buildSearchIndex(store);
      const entry = { fingerprint, index };
      held = entry;
      // A failed build is not kept: the next request tries again.
      index.catch(() => {
        if (held === entry) held = undefined;
      });
    }
    return held.index;
  };
}
