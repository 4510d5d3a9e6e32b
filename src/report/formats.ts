import { SanctraceError } from "../model/index.js";
import type { CaseRecord, Store } from "../store/index.js";
import { buildDossier, type Dossier, type DossierOptions } from "./dossier.js";
import { renderHtml } from "./render-html.js";
import { renderMarkdown } from "./render-markdown.js";
import { renderPdf } from "./render-pdf.js";

export type ReportFormat = "html" | "md" | "pdf";

export interface RenderedReport {
  format: ReportFormat;
  contentType: string;
  body: string | Buffer;
}

/**
 * The report format named by a flag or a file extension (`.htm`, `.markdown` included).
 * @example reportFormat("kupol.md") // "md"
 */
export function reportFormat(nameOrFormat: string): ReportFormat {
  const extension = nameOrFormat.toLowerCase().split(".").pop() ?? "";
  if (extension === "html" || extension === "htm") return "html";
  if (extension === "md" || extension === "markdown") return "md";
  if (extension === "pdf") return "pdf";
  throw new SanctraceError(
    "report_format_unknown",
    `expected html, md or pdf (or a file name ending so), got "${nameOrFormat}"`,
    nameOrFormat,
  );
}

/**
 * Render a dossier in one format.
 * @example const { body } = await renderReport(dossier, "pdf");
 */
export async function renderReport(
  dossier: Dossier,
  format: ReportFormat,
): Promise<RenderedReport> {
  if (format === "md") {
    return { format, contentType: "text/markdown; charset=utf-8", body: renderMarkdown(dossier) };
  }
  const html = renderHtml(dossier);
  if (format === "html") return { format, contentType: "text/html; charset=utf-8", body: html };
  return { format, contentType: "application/pdf", body: await renderPdf(html) };
}

/**
 * The dossier of a stored case: its entities as subjects, its paths as paths.
 * @example await buildCaseDossier(store, "kupol")
 */
export async function buildCaseDossier(
  store: Store,
  name: string,
  options: Omit<DossierOptions, "title" | "ids" | "paths"> = {},
): Promise<Dossier> {
  const found: CaseRecord | undefined = await store.getCase(name);
  if (!found) throw new SanctraceError("case_not_found", `no case named "${name}"`, name);
  const ids = found.items.filter((item) => item.kind === "entity").flatMap((item) => item.ids);
  const paths = found.items.filter((item) => item.kind === "path").map((item) => item.ids);
  const subjects = [...new Set([...ids, ...paths.flatMap((path) => [path[0]!, path.at(-1)!])])];
  return buildDossier(store, { ...options, title: found.title, ids: subjects, paths });
}

/**
 * The dossier of one entity.
 * @example await buildEntityDossier(store, "ofac-46431")
 */
export async function buildEntityDossier(
  store: Store,
  id: string,
  options: Omit<DossierOptions, "title" | "ids"> = {},
): Promise<Dossier> {
  const entity = await store.getEntity(id);
  if (!entity) throw new SanctraceError("entity_not_found", `no entity with id "${id}"`, id);
  return buildDossier(store, { ...options, title: `Dossier: ${entity.caption}`, ids: [id] });
}
