import type { Citation, EntityPage, PropertyValue, ReviewHit } from "../../src/api/types.js";
import { api, downloadReport } from "./api.js";
import { addToCaseForm } from "./case-picker.js";
import { citationLabel, showCitation } from "./citation-panel.js";
import { type Child, el, link, replace, section } from "./dom.js";
import { featureTable, judgeForm } from "./judge-form.js";

const entityHref = (id: string) => `#/entity/${encodeURIComponent(id)}`;

function citeButtons(citations: Citation[], panel: HTMLElement): Child[] {
  return citations.map((citation) =>
    el(
      "button",
      { type: "button", class: "cite", onclick: () => void showCitation(panel, citation) },
      citationLabel(citation),
    ),
  );
}

function propertiesTable(values: PropertyValue[], panel: HTMLElement): HTMLElement {
  const rows = values.map((value) =>
    el(
      "tr",
      {},
      el("th", { scope: "row" }, value.label),
      el("td", {}, value.value),
      el("td", { class: "sources" }, ...citeButtons(value.citations, panel)),
    ),
  );
  return el(
    "table",
    { class: "properties" },
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        el("th", { scope: "col" }, "Property"),
        el("th", { scope: "col" }, "Value"),
        el("th", { scope: "col" }, "Sources"),
      ),
    ),
    el("tbody", {}, ...rows),
  );
}

function sanctionsList(page: EntityPage, panel: HTMLElement): HTMLElement {
  return el(
    "ul",
    { class: "sanctions" },
    ...page.sanctions.map((s) =>
      el(
        "li",
        {},
        el("strong", {}, s.authority.join(", ") || "Sanction"),
        " ",
        s.program.join(", "),
        s.listingDate.length ? ` · listed ${s.listingDate.join(", ")}` : "",
        s.reason.length ? el("p", {}, s.reason.join(" ")) : null,
        ...citeButtons(s.citations, panel),
      ),
    ),
  );
}

function hitsList(hits: ReviewHit[]): HTMLElement {
  return el(
    "ul",
    { class: "hits" },
    ...hits.map((hit) => {
      const item = el(
        "li",
        {},
        link(entityHref(hit.candidate.id), hit.candidate.caption),
        ` ${hit.candidate.schema} · ${hit.candidate.datasets.join(", ")} · score ${hit.score.toFixed(2)}`,
        featureTable(hit),
      );
      item.append(
        judgeForm(hit, (kind) => item.replaceChildren(`Judged ${kind}: ${hit.candidate.caption}`)),
      );
      return item;
    }),
  );
}

function relationsList(page: EntityPage): HTMLElement {
  return el(
    "ul",
    { class: "relations" },
    ...page.relations.map((r) =>
      el(
        "li",
        {},
        `${r.label} ${r.direction === "out" ? "→" : "←"} `,
        link(entityHref(r.other.id), r.other.caption),
        ` (${r.other.schema})`,
        r.date ? ` · ${r.date}` : "",
        r.detail ? ` · ${r.detail}` : "",
      ),
    ),
  );
}

function timelineList(page: EntityPage, panel: HTMLElement): HTMLElement {
  return el(
    "ol",
    { class: "timeline" },
    ...page.timeline.map((event) =>
      el(
        "li",
        {},
        el("time", { datetime: event.date }, event.date),
        " ",
        event.label,
        " · ",
        link(entityHref(event.entity.id), event.entity.caption),
        " ",
        ...(event.citation ? citeButtons([event.citation], panel) : []),
      ),
    ),
  );
}

function reportButtons(page: EntityPage): HTMLElement {
  const base = `/api/entities/${encodeURIComponent(page.id)}/report?format=`;
  const button = (format: string, label: string) =>
    el(
      "button",
      { type: "button", onclick: () => void downloadReport(base + format, `${page.id}.${format}`) },
      label,
    );
  return el(
    "div",
    { class: "actions", role: "group", "aria-label": "Export dossier" },
    "Dossier: ",
    button("html", "HTML"),
    button("md", "Markdown"),
    button("pdf", "PDF"),
  );
}

/** The entity page: every value with its sources, sanctions, hits, risk, relations, timeline. */
export async function renderEntity(main: HTMLElement, id: string): Promise<void> {
  const page = await api.entity(id);
  document.title = `${page.caption} · sanctrace`;
  const panel = el("aside", {
    class: "citation-panel",
    "aria-labelledby": "citation-heading",
    hidden: true,
  });
  const empty = (text: string) => el("p", { class: "empty" }, text);
  const hitsArea = el(
    "div",
    { "aria-live": "polite" },
    el("progress", { "aria-label": "Screening" }),
    " Screening against the lists…",
  );
  void api.hits(page.id).then((hits) => {
    replace(hitsArea, hits.length ? hitsList(hits) : empty("No screening hits."));
  });
  replace(
    main,
    el(
      "div",
      { class: "entity-layout" },
      el(
        "article",
        { class: "entity" },
        el("h1", {}, page.caption),
        el(
          "p",
          { class: "meta" },
          `${page.schema} · ${page.id} · ${page.datasets.join(", ")}`,
          page.sanctioned ? el("span", { class: "badge sanctioned" }, "sanctioned") : null,
        ),
        el(
          "div",
          { class: "actions" },
          link(`#/graph/${encodeURIComponent(page.id)}`, "Explore in graph"),
          addToCaseForm("entity", [page.id]),
        ),
        reportButtons(page),
        section("Properties", propertiesTable(page.properties, panel)),
        section(
          "Sanctions",
          page.sanctions.length
            ? sanctionsList(page, panel)
            : empty("No sanction names this entity."),
        ),
        section("Screening hits", hitsArea),
        section(
          "Risk",
          page.risk.length
            ? el(
                "ul",
                {},
                ...page.risk.map((r) =>
                  el(
                    "li",
                    {},
                    el("code", {}, r.code),
                    ` +${r.contribution.toFixed(2)} ${r.explanation}`,
                  ),
                ),
              )
            : empty("No risk reasons recorded."),
        ),
        section("Relations", page.relations.length ? relationsList(page) : empty("No relations.")),
        section(
          "Timeline",
          page.timeline.length ? timelineList(page, panel) : empty("No dated events."),
        ),
      ),
      panel,
    ),
  );
}
