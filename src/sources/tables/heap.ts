import { setFlagsFromString } from "node:v8";

let relaxed = false;

/**
 * Turn off V8's allocation-site pretenuring for the process (once). A table's rows, cells and
 * statements live for one batch and then die, but V8 takes the sites that make them for
 * makers of long-lived objects and allocates them in the old generation, which then needs a
 * full collection every few hundred MB: mapping 1M customs rows took 13.5 s of CPU with it,
 * 6.2 s without (`bench/ingest-customs.ts`, phase `map`). Objects that do live long are
 * promoted by the young collector as before.
 * @example relaxPretenuring(); // before reading a large table
 */
export function relaxPretenuring(): void {
  if (relaxed) return;
  setFlagsFromString("--no-allocation-site-pretenuring");
  relaxed = true;
}
