/**
 * Child process for the kill -9 test: load list files into a workspace, printing progress
 * lines so the parent knows the load is under way, and `done` at the end.
 *   node --import tsx test/helpers/load-child.ts WORKSPACE PATH...
 */
import { loadLists } from "../../src/sources/index.js";
import { SqliteStore } from "../../src/store/index.js";

const [db, ...paths] = process.argv.slice(2);
const store = new SqliteStore(db!);
await loadLists(store, paths, {
  onProgress: (dataset, statements) => process.stdout.write(`progress ${dataset} ${statements}\n`),
});
await store.close();
process.stdout.write("done\n");
