import type { Citation, CitationContext } from "../../src/api/types.js";
import { api } from "./api.js";
import { el, replace } from "./dom.js";

/** The short label of a citation: file and place. */
export function citationLabel(citation: Citation): string {
  return `${citation.sourceName ?? citation.source.slice(0, 12)} ${citation.locator}`.trim();
}

function spanView(context: CitationContext): HTMLElement {
  if (context.text === null)
    return el("p", {}, "The document text for this span is not in the workspace.");
  return el(
    "blockquote",
    { class: "span-context" },
    context.before ? `…${context.before}` : "",
    el("mark", {}, context.text),
    context.after ? `${context.after}…` : "",
  );
}

function cellsView(context: CitationContext): HTMLElement {
  if (!context.cells.length) return el("p", {}, "No other values were read from this place.");
  return el(
    "table",
    { class: "cells" },
    el("caption", {}, `Values read from ${context.locator}`),
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        el("th", { scope: "col" }, "Entity"),
        el("th", { scope: "col" }, "Property"),
        el("th", { scope: "col" }, "Value"),
      ),
    ),
    el(
      "tbody",
      {},
      ...context.cells.map((cell) =>
        el(
          "tr",
          {},
          el(
            "td",
            {},
            el("a", { href: `#/entity/${encodeURIComponent(cell.entity)}` }, cell.entity),
          ),
          el("td", {}, cell.prop),
          el("td", {}, cell.value),
        ),
      ),
    ),
  );
}

/** Open a citation in the side panel: the row's cells, or the text around a span. */
export async function showCitation(panel: HTMLElement, citation: Citation): Promise<void> {
  panel.hidden = false;
  replace(
    panel,
    el("p", {}, el("progress", { "aria-label": "Loading source" }), " Loading source…"),
  );
  const context = await api.citation(citation.dataset, citation.source, citation.locator);
  const heading = el("h2", { id: "citation-heading", tabindex: "-1" }, "Source");
  replace(
    panel,
    heading,
    el(
      "dl",
      { class: "source-facts" },
      el("dt", {}, "File"),
      el("dd", {}, context.sourceName ?? "unnamed file"),
      el("dt", {}, "Place"),
      el("dd", {}, context.locator || "whole file"),
      el("dt", {}, "Dataset"),
      el("dd", {}, context.dataset),
      el("dt", {}, "sha256"),
      el("dd", { class: "hash" }, context.source),
      context.document ? el("dt", {}, "Document") : null,
      context.document
        ? el(
            "dd",
            {},
            el(
              "a",
              { href: `#/entity/${encodeURIComponent(context.document.id)}` },
              context.document.caption,
            ),
          )
        : null,
    ),
    context.kind === "span" ? spanView(context) : cellsView(context),
    el("button", { type: "button", onclick: () => (panel.hidden = true) }, "Close source"),
  );
  heading.focus();
}
