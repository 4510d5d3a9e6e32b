import { ftmJsonFormat } from "./ftm-json.js";
import { ofacConsFormat, ofacSdnFormat } from "./ofac-csv.js";
import type { SourceFormat } from "./types.js";

/**
 * Every list format, most specific first: a folder's files are offered to each in turn and
 * a file goes to the first format that claims it.
 */
export const listFormats: SourceFormat[] = [ofacSdnFormat, ofacConsFormat, ftmJsonFormat];
