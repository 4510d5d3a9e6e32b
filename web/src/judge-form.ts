import type { JudgementKind, ReviewHit } from "../../src/api/types.js";
import { api } from "./api.js";
import { el } from "./dom.js";
import { say } from "./status.js";

let formCount = 0;

/** The feature explanation of a hit: each feature's value, weight and contribution. */
export function featureTable(hit: ReviewHit): HTMLTableElement {
  return el(
    "table",
    { class: "features" },
    el("caption", {}, `Why ${hit.score.toFixed(2)}`),
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        ...["Feature", "Value", "Weight", "Contribution"].map((h) => el("th", { scope: "col" }, h)),
      ),
    ),
    el(
      "tbody",
      {},
      ...hit.features.map((f) =>
        el(
          "tr",
          {},
          el("td", {}, f.name, f.detail ? el("small", {}, ` ${f.detail}`) : null),
          el("td", {}, f.value.toFixed(2)),
          el("td", {}, f.weight.toFixed(2)),
          el("td", {}, f.contribution.toFixed(3)),
        ),
      ),
    ),
  );
}

/** Accept, reject or mark unsure with a note; calls `onJudged` once saved. */
export function judgeForm(
  hit: ReviewHit,
  onJudged: (kind: JudgementKind) => void,
): HTMLFormElement {
  const id = `note-${++formCount}`;
  const note = el("textarea", { id, rows: 2, maxlength: 2000 });
  const judge = async (kind: JudgementKind) => {
    await api.judge({
      left: hit.query.id,
      right: hit.candidate.id,
      judgement: kind,
      note: note.value,
    });
    say(`Judged ${hit.query.caption} ↔ ${hit.candidate.caption}: ${kind}`);
    onJudged(kind);
  };
  const button = (kind: JudgementKind, label: string) =>
    el(
      "button",
      { type: "button", class: `judge ${kind}`, onclick: () => void judge(kind) },
      label,
    );
  return el(
    "form",
    { class: "judge-form", "aria-label": `Judge ${hit.candidate.caption}` },
    el("label", { for: id }, "Note"),
    note,
    el(
      "div",
      { class: "buttons" },
      button("positive", "Accept (same)"),
      button("negative", "Reject (different)"),
      button("unsure", "Unsure"),
    ),
  );
}
