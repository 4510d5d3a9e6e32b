import { el } from "./dom.js";
import { describeGraph, type GraphFilter, type WorkGraph } from "./graph-model.js";

/** Filter controls: edge types, a date range and a goods tier; `onChange` redraws. */
export function filterControls(
  graph: WorkGraph,
  filter: GraphFilter,
  onChange: () => void,
): HTMLElement {
  const { types, tiers } = describeGraph(graph);
  const boxes = types.map((type) => {
    const box = el("input", {
      type: "checkbox",
      id: `type-${type}`,
      checked: !filter.types.size || filter.types.has(type),
    });
    box.addEventListener("change", () => {
      const all = types.filter(
        (t) => (document.getElementById(`type-${t}`) as HTMLInputElement).checked,
      );
      filter.types = new Set(all.length === types.length ? [] : all);
      onChange();
    });
    return el("span", { class: "check" }, box, el("label", { for: `type-${type}` }, type));
  });
  const date = (id: string, key: "from" | "until", label: string) => {
    const input = el("input", { id, type: "date", value: filter[key] });
    input.addEventListener("change", () => {
      filter[key] = input.value;
      onChange();
    });
    return [el("label", { for: id }, label), input];
  };
  const tier = el(
    "select",
    { id: "tier" },
    el("option", { value: "" }, "any goods"),
    el("option", { value: "any-tier" }, "any CHPL tier"),
    ...tiers.map((t) => el("option", { value: t }, `tier ${t}`)),
  );
  tier.value = filter.tier;
  tier.addEventListener("change", () => {
    filter.tier = tier.value;
    onChange();
  });
  return el(
    "fieldset",
    { class: "filters" },
    el("legend", {}, "Filter edges"),
    el(
      "div",
      { class: "types", role: "group", "aria-label": "Edge types" },
      ...(boxes.length ? boxes : ["No edges yet."]),
    ),
    ...date("date-from", "from", "From"),
    ...date("date-until", "until", "Until"),
    el("label", { for: "tier" }, "Goods"),
    tier,
  );
}
