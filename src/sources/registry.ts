import { caSemaFormat } from "./ca-sema.js";
import { documentFormat } from "./documents/index.js";
import { euFsfFormat } from "./eu-fsf.js";
import { ftmJsonFormat } from "./ftm-json.js";
import { ofacConsFormat, ofacSdnFormat } from "./ofac-csv.js";
import { tableFormat } from "./tables/index.js";
import type { SourceFormat } from "./types.js";
import { ukSanctionsFormat } from "./uk-sanctions.js";
import { unScFormat } from "./un-sc.js";
import { usBisDplFormat } from "./us-bis-dpl.js";
import { usFrEntityListFormat } from "./us-fr-entity-list.js";
import { usTradeCslFormat } from "./us-trade-csl.js";

/**
 * Every list format, most specific first: a folder's files are offered to each in turn and
 * a file goes to the first format that claims it.
 */
export const listFormats: SourceFormat[] = [
  ofacSdnFormat,
  ofacConsFormat,
  ukSanctionsFormat,
  euFsfFormat,
  unScFormat,
  caSemaFormat,
  usBisDplFormat,
  usTradeCslFormat,
  usFrEntityListFormat,
  ftmJsonFormat,
];

/**
 * Every evidence format (tables, documents), most specific first: `sanctrace ingest` offers
 * each file to these in turn and the first format that claims it reads it. Formats that
 * claim anything textual (plain text) belong at the end.
 */
export const evidenceFormats: SourceFormat[] = [tableFormat, documentFormat];
