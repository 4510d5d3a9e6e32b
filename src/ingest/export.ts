import { type FtmEntity, toFtm } from "../model/index.js";
import type { Store } from "../store/index.js";

/**
 * Every entity of the workspace (or of some datasets) as FtM JSON, in id order.
 * @example for await (const entity of exportFtm(store, { datasets: ["case"] })) ...
 */
export async function* exportFtm(
  store: Store,
  options: { datasets?: string[] } = {},
): AsyncIterable<FtmEntity> {
  const query = options.datasets ? { datasets: options.datasets } : {};
  for await (const entity of store.iterateEntities(query)) yield toFtm(entity);
}
