import type { ReviewHit } from "../../src/api/types.js";
import { api } from "./api.js";
import { el, link, replace } from "./dom.js";
import { featureTable, judgeForm } from "./judge-form.js";

const entityHref = (id: string) => `#/entity/${encodeURIComponent(id)}`;

function hitCard(hit: ReviewHit, onDone: () => void): HTMLElement {
  const card = el(
    "li",
    { class: "review-hit" },
    el(
      "div",
      { class: "pair" },
      el(
        "span",
        { class: "score", "aria-label": `score ${hit.score.toFixed(2)}` },
        hit.score.toFixed(2),
      ),
      link(entityHref(hit.query.id), hit.query.caption),
      el("span", { class: "schema" }, `${hit.query.schema} · ${hit.query.id}`),
      " ↔ ",
      link(entityHref(hit.candidate.id), hit.candidate.caption),
      el(
        "span",
        { class: "schema" },
        `${hit.candidate.schema} · ${hit.candidate.datasets.join(", ")}`,
      ),
    ),
    el("details", {}, el("summary", {}, "Feature explanation"), featureTable(hit)),
  );
  card.append(judgeForm(hit, onDone));
  return card;
}

/** Pending screening hits, best first; a judged hit leaves the queue for good. */
export async function renderReview(main: HTMLElement): Promise<void> {
  document.title = "Review · sanctrace";
  const queue = await api.review();
  const list = el("ol", { class: "review-list" });
  const count = el("p", { class: "meta" });
  const update = () => {
    count.textContent = `${list.children.length} pending hits from ${queue.screened} screened entities.`;
  };
  for (const hit of queue.hits) {
    const card = hitCard(hit, () => {
      card.remove();
      update();
      list.querySelector<HTMLElement>("textarea")?.focus();
    });
    list.append(card);
  }
  update();
  replace(
    main,
    el("h1", {}, "Review queue"),
    count,
    list.children.length ? list : el("p", { class: "empty" }, "Nothing to review."),
  );
}
