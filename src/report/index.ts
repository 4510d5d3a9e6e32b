export { createSourceNamer, openCitation, parseLocator } from "./citations.js";
export {
  buildDossier,
  type Dossier,
  type DossierOptions,
  type DossierSubject,
} from "./dossier.js";
export { buildEntityPage, type EntityPageExtras } from "./entity-page.js";
export { escapeHtml, escapeMarkdown } from "./escape.js";
export { csvField, exportFtmLines, renderCsv, renderGexf } from "./exports.js";
export {
  buildCaseDossier,
  buildEntityDossier,
  type RenderedReport,
  type ReportFormat,
  renderReport,
  reportFormat,
} from "./formats.js";
export { chplTierOfCodes } from "./goods-tier.js";
export {
  buildWorkspaceGraph,
  collectSanctioned,
  edgeSchemata,
  expandNeighbours,
  type GraphOptions,
  type TierOf,
} from "./graph-data.js";
export { DOSSIER_CSP, renderHtml } from "./render-html.js";
export { renderMarkdown } from "./render-markdown.js";
export { CHROMIUM_ARGS, chromiumPath, renderPdf } from "./render-pdf.js";
export { renderGraphSvg } from "./render-svg.js";
export { createRiskLookup } from "./risk.js";
export { buildSearchIndex, foldText, type SearchIndex } from "./search-index.js";
export type * from "./types.js";
