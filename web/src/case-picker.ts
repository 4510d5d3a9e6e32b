import { api } from "./api.js";
import { el } from "./dom.js";
import { say } from "./status.js";

let pickerCount = 0;

/** A small form: case name (with the existing ones suggested) and an Add button. */
export function addToCaseForm(kind: "entity" | "path", ids: string[]): HTMLFormElement {
  const id = `case-name-${++pickerCount}`;
  const options = el("datalist", { id: `${id}-list` });
  void api
    .cases()
    .then((cases) => options.append(...cases.map((c) => el("option", { value: c.name }))));
  const input = el("input", {
    id,
    list: `${id}-list`,
    required: true,
    maxlength: 80,
    placeholder: "case name",
    value: localStorage.getItem("sanctrace.case") ?? "",
  });
  const form = el(
    "form",
    { class: "case-picker", "aria-label": `Add this ${kind} to a case` },
    el("label", { for: id }, kind === "entity" ? "Add to case" : "Add path to case"),
    input,
    options,
    el("button", { type: "submit" }, "Add"),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const name = input.value.trim();
    void api.addToCase(name, kind, ids).then((saved) => {
      localStorage.setItem("sanctrace.case", saved.name);
      say(`Added to case “${saved.name}” (${saved.items.length} items).`);
    });
  });
  return form;
}
