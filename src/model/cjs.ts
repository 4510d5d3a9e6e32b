import { createRequire } from "node:module";

/**
 * `require` for the large CommonJS packages (Papa Parse, saxes, yauzl; yaml, loaded only when a
 * mapping file is read). Imported from ESM, a CommonJS module's source is first scanned for
 * its export names, in every thread that loads it; for these packages (50–75 KB each) the scan
 * runs long enough that V8 optimizes the scanner, twice per thread: ~0.1 s of CPU per thread
 * at the start of an ingest, spent while the table thread has rows to read. Required, the
 * module is only evaluated.
 * @example const Papa = requireCommonJs("papaparse") as typeof PapaModule;
 */
export const requireCommonJs = createRequire(import.meta.url);
