import { ApiFailure } from "./api.js";
import { renderCase, renderCases } from "./cases-view.js";
import { el, replace } from "./dom.js";
import { renderEntity } from "./entity-view.js";
import { renderGraph } from "./graph-view.js";
import { renderReview } from "./review-view.js";
import { mountSearch } from "./search.js";
import { say } from "./status.js";

const main = document.getElementById("main")!;

function renderHome(): void {
  document.title = "sanctrace workbench";
  replace(
    main,
    el("h1", {}, "Investigation workbench"),
    el(
      "p",
      {},
      "Search any person, company or vessel across the loaded lists and evidence above. Every value on an entity page links to the row, page or text span it came from.",
    ),
    el(
      "ul",
      { class: "home-links" },
      el("li", {}, el("a", { href: "#/review" }, "Review screening hits")),
      el("li", {}, el("a", { href: "#/graph" }, "Explore the network")),
      el("li", {}, el("a", { href: "#/cases" }, "Cases and reports")),
    ),
  );
}

/** Route on the URL hash: #/entity/ID, #/graph[/ID], #/review, #/cases[/NAME]. */
async function route(): Promise<void> {
  const [, section = "", rawId] = location.hash.split("/");
  const id = rawId ? decodeURIComponent(rawId) : undefined;
  for (const anchor of document.querySelectorAll("nav a")) {
    const current = anchor.getAttribute("href") === `#/${section}`;
    if (current) anchor.setAttribute("aria-current", "page");
    else anchor.removeAttribute("aria-current");
  }
  if (section === "entity" && id) await renderEntity(main, id);
  else if (section === "graph") await renderGraph(main, id);
  else if (section === "review") await renderReview(main);
  else if (section === "cases" && id) await renderCase(main, id);
  else if (section === "cases") await renderCases(main);
  else renderHome();
  main.focus();
}

function showFailure(error: unknown): void {
  const message = error instanceof ApiFailure ? `${error.message} (${error.code})` : String(error);
  say(message, "error");
}

window.addEventListener("unhandledrejection", (event) => showFailure(event.reason));
window.addEventListener("hashchange", () => void route().catch(showFailure));
mountSearch(document.getElementById("search-root")!, (id) => {
  location.hash = `#/entity/${encodeURIComponent(id)}`;
});
void route().catch(showFailure);
