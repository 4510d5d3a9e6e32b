export { exportFtm } from "./export.js";
export {
  type IngestOptions,
  type IngestResult,
  ingestEvidence,
  openPartyIndex,
} from "./ingest.js";
export { type Party, PartyCollector } from "./parties.js";
export {
  type Decision,
  LINK_SCORE,
  REVIEW_SCORE,
  type Resolution,
  resolveParties,
  similarStatements,
} from "./resolve.js";
