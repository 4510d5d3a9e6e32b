import type { Statement } from "../model/index.js";
import type { Store } from "../store/index.js";
import type { Citation, CitationContext } from "./types.js";

/** Characters of document text shown on each side of a cited span. */
const CONTEXT_CHARS = 240;

/** Looks up source file names once per sha256. */
export type SourceNamer = (sha256: string) => Promise<string | null>;

/**
 * A memoizing lookup of source file names.
 * @example const nameOf = createSourceNamer(store); await nameOf(sha) // "invoices.csv"
 */
export function createSourceNamer(store: Store): SourceNamer {
  const names = new Map<string, Promise<string | null>>();
  return (sha256) => {
    let name = names.get(sha256);
    if (!name) {
      name = store.getSource(sha256).then((source) => source?.name ?? null);
      names.set(sha256, name);
    }
    return name;
  };
}

/**
 * The citation of one statement.
 * @example await citeStatement(statement, nameOf) // { dataset, source, sourceName, locator }
 */
export async function citeStatement(statement: Statement, nameOf: SourceNamer): Promise<Citation> {
  return {
    dataset: statement.dataset,
    source: statement.source,
    sourceName: await nameOf(statement.source),
    locator: statement.locator,
  };
}

/** The parts of a locator: `page:3 span:10-42` -> { page: 3, span: [10, 42] }. */
export function parseLocator(locator: string): {
  row?: number;
  line?: number;
  page?: number;
  span?: [number, number];
} {
  const parts: ReturnType<typeof parseLocator> = {};
  for (const [, key, value] of locator.matchAll(/(row|line|page|span):(\S+)/g)) {
    if (key === "span") {
      const [start, end] = value!.split("-").map(Number);
      if (Number.isFinite(start) && Number.isFinite(end)) parts.span = [start!, end!];
    } else {
      const n = Number(value);
      if (Number.isFinite(n)) parts[key as "row" | "line" | "page"] = n;
    }
  }
  return parts;
}

function kindOf(parts: ReturnType<typeof parseLocator>): CitationContext["kind"] {
  if (parts.span) return "span";
  if (parts.page !== undefined) return "page";
  if (parts.row !== undefined) return "row";
  if (parts.line !== undefined) return "line";
  return "other";
}

/**
 * The document text a span counts into: the whole `bodyText` from the same source (spans are
 * offsets into the whole text, also when a page is named), else that page's own text.
 */
function findBodyText(statements: Statement[], page: number | undefined): Statement | undefined {
  const bodies = statements.filter((statement) => statement.prop === "bodyText");
  const whole = bodies.find((body) => !body.locator.includes("page:"));
  return whole ?? bodies.find((body) => parseLocator(body.locator).page === page) ?? bodies[0];
}

/**
 * Open a citation in context: for a row or line, every value stated from that place (the
 * row's cells); for a text span, the document text around it. Spans count characters into
 * the `bodyText` of the Document (or of its page) loaded from the same source file.
 * @example await openCitation(store, { dataset: "docs", source: sha, locator: "span:10-42" })
 */
export async function openCitation(
  store: Store,
  citation: Omit<Citation, "sourceName">,
): Promise<CitationContext> {
  const parts = parseLocator(citation.locator);
  const kind = kindOf(parts);
  const sourceName = (await store.getSource(citation.source))?.name ?? null;
  const context: CitationContext = {
    ...citation,
    sourceName,
    kind,
    cells: [],
    before: null,
    text: null,
    after: null,
    document: null,
  };
  if (kind !== "span") {
    const here = await store.getStatementsAt(citation.dataset, citation.source, citation.locator);
    context.cells = here
      .filter((statement) => statement.prop !== "bodyText")
      .map((statement) => ({
        entity: statement.entityId,
        prop: statement.prop,
        value: statement.value,
      }));
    return context;
  }
  const all = await store.getStatementsAt(citation.dataset, citation.source);
  const body = findBodyText(all, parts.page);
  if (!body || !parts.span) return context;
  const [start, end] = parts.span;
  context.before = body.value.slice(Math.max(0, start - CONTEXT_CHARS), start);
  context.text = body.value.slice(start, end);
  context.after = body.value.slice(end, end + CONTEXT_CHARS);
  const document = await store.getEntity(body.entityId);
  if (document) {
    context.document = { id: document.id, caption: document.caption, schema: document.schema };
  }
  return context;
}
