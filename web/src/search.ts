import type { SearchResult } from "../../src/api/types.js";
import { api } from "./api.js";
import { el, replace } from "./dom.js";

/** One result line: caption, schema, lists, and the alias that matched when it differs. */
function resultOption(result: SearchResult, index: number): HTMLLIElement {
  return el(
    "li",
    {
      id: `search-option-${index}`,
      role: "option",
      "aria-selected": "false",
      "data-id": result.id,
    },
    el("span", { class: "caption" }, result.caption),
    " ",
    el("span", { class: "schema" }, result.schema),
    result.sanctioned ? el("span", { class: "badge sanctioned" }, "sanctioned") : null,
    " ",
    el("span", { class: "datasets" }, result.datasets.join(", ")),
    result.matched !== result.caption
      ? el("span", { class: "matched" }, ` matched “${result.matched}”`)
      : null,
  );
}

/**
 * The typeahead search box (ARIA combobox): results appear as you type; arrow keys move,
 * Enter opens, Escape closes.
 */
export function mountSearch(root: HTMLElement, open: (id: string) => void): HTMLInputElement {
  const input = el("input", {
    id: "search-input",
    type: "search",
    role: "combobox",
    "aria-label": "Search entities and lists",
    "aria-autocomplete": "list",
    "aria-expanded": "false",
    "aria-controls": "search-results",
    placeholder: "Search names, aliases, identifiers…",
    autocomplete: "off",
  });
  const list = el("ul", {
    id: "search-results",
    role: "listbox",
    "aria-label": "Search results",
    hidden: true,
  });
  let results: SearchResult[] = [];
  let active = -1;
  let controller: AbortController | undefined;
  let timer: number | undefined;
  const setActive = (index: number) => {
    active = index;
    for (const [i, option] of [...list.children].entries())
      option.setAttribute("aria-selected", String(i === index));
    if (index >= 0) input.setAttribute("aria-activedescendant", `search-option-${index}`);
    else input.removeAttribute("aria-activedescendant");
  };
  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    setActive(-1);
  };
  const choose = (index: number) => {
    const chosen = results[index];
    if (!chosen) return;
    close();
    input.value = "";
    open(chosen.id);
  };
  const show = (found: SearchResult[]) => {
    results = found;
    replace(
      list,
      ...(found.length ? found.map(resultOption) : [el("li", { class: "empty" }, "No match")]),
    );
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    setActive(found.length ? 0 : -1);
  };
  const lookUp = async () => {
    controller?.abort();
    const text = input.value.trim();
    if (!text) return close();
    controller = new AbortController();
    try {
      show((await api.search(text, controller.signal)).results);
    } catch (error) {
      if ((error as Error).name !== "AbortError") throw error;
    }
  };
  input.addEventListener("input", () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void lookUp(), 120);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" && results.length) setActive((active + 1) % results.length);
    else if (event.key === "ArrowUp" && results.length)
      setActive((active - 1 + results.length) % results.length);
    else if (event.key === "Enter") choose(Math.max(active, 0));
    else if (event.key === "Escape") close();
    else return;
    event.preventDefault();
  });
  list.addEventListener("mousedown", (event) => {
    const option = (event.target as Element).closest("li[data-id]");
    if (option) choose([...list.children].indexOf(option));
  });
  input.addEventListener("blur", () => window.setTimeout(close, 150));
  replace(
    root,
    el("label", { class: "visually-hidden", for: "search-input" }, "Search"),
    input,
    list,
  );
  return input;
}
