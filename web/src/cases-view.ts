import type { CaseItem, CaseRecord } from "../../src/api/types.js";
import { api, downloadReport } from "./api.js";
import { el, link, replace } from "./dom.js";
import { say } from "./status.js";

function createForm(onSaved: (saved: CaseRecord) => void): HTMLFormElement {
  const name = el("input", { id: "new-case-name", required: true, maxlength: 80 });
  const title = el("input", { id: "new-case-title", maxlength: 200 });
  const form = el(
    "form",
    { class: "new-case", "aria-label": "New case" },
    el("label", { for: "new-case-name" }, "Case name"),
    name,
    el("label", { for: "new-case-title" }, "Title"),
    title,
    el("button", { type: "submit" }, "Create case"),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void api.saveCase(name.value.trim(), title.value.trim()).then(onSaved);
  });
  return form;
}

/** The list of cases and a form to start one. */
export async function renderCases(main: HTMLElement): Promise<void> {
  document.title = "Cases · sanctrace";
  const cases = await api.cases();
  const list = el(
    "ul",
    { class: "cases" },
    ...cases.map((c) =>
      el(
        "li",
        {},
        link(`#/cases/${encodeURIComponent(c.name)}`, c.title),
        ` (${c.name}) · ${c.items.length} items`,
      ),
    ),
  );
  replace(
    main,
    el("h1", {}, "Cases"),
    cases.length
      ? list
      : el(
          "p",
          { class: "empty" },
          "No cases yet. Add entities from their pages, or create one here.",
        ),
    createForm((saved) => (location.hash = `#/cases/${encodeURIComponent(saved.name)}`)),
  );
}

function itemRow(name: string, item: CaseItem, reload: () => void): HTMLElement {
  const remove = el(
    "button",
    {
      type: "button",
      onclick: () => void api.removeFromCase(name, item.kind, item.ids).then(reload),
    },
    "Remove",
  );
  const what =
    item.kind === "entity"
      ? link(`#/entity/${encodeURIComponent(item.ids[0]!)}`, item.ids[0]!)
      : el("span", {}, `Path: ${item.ids.join(" → ")}`);
  return el("li", {}, what, item.note ? ` · ${item.note}` : "", " ", remove);
}

/** One case: its entities and paths, and its report in HTML, Markdown or PDF. */
export async function renderCase(main: HTMLElement, name: string): Promise<void> {
  const found = await api.getCase(name);
  document.title = `${found.title} · sanctrace`;
  const base = `/api/cases/${encodeURIComponent(found.name)}/report?format=`;
  const exportButton = (format: string, label: string) =>
    el(
      "button",
      {
        type: "button",
        onclick: () =>
          void downloadReport(base + format, `${found.name}.${format}`).then(() =>
            say(`${label} report ready.`),
          ),
      },
      label,
    );
  replace(
    main,
    el("h1", {}, found.title),
    el("p", { class: "meta" }, `Case ${found.name} · created ${found.createdAt.slice(0, 10)}`),
    el(
      "div",
      { class: "actions", role: "group", "aria-label": "Export report" },
      "Report: ",
      exportButton("html", "HTML"),
      exportButton("md", "Markdown"),
      exportButton("pdf", "PDF"),
    ),
    el("h2", {}, "Items"),
    found.items.length
      ? el(
          "ul",
          { class: "case-items" },
          ...found.items.map((item) =>
            itemRow(found.name, item, () => void renderCase(main, name)),
          ),
        )
      : el("p", { class: "empty" }, "Nothing collected yet."),
  );
}
