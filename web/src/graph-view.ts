import forceAtlas2 from "graphology-layout-forceatlas2";
import FA2Layout from "graphology-layout-forceatlas2/worker";
import Sigma from "sigma";
import type { TracePathView } from "../../src/api/types.js";
import { ApiFailure, api } from "./api.js";
import { addToCaseForm } from "./case-picker.js";
import { el, link, replace } from "./dom.js";
import { filterControls } from "./graph-controls.js";
import {
  createWorkGraph,
  describeGraph,
  type EdgeAttributes,
  edgeVisible,
  type GraphFilter,
  mergeGraph,
  type NodeAttributes,
  type WorkGraph,
} from "./graph-model.js";
import { say, showBusy } from "./status.js";

interface GraphState {
  graph: WorkGraph;
  renderer: Sigma<NodeAttributes, EdgeAttributes> | undefined;
  layout: FA2Layout | undefined;
  filter: GraphFilter;
  selected: string | undefined;
  pathEdges: Set<string>;
  pathNodes: Set<string>;
  panel: HTMLElement;
  list: HTMLElement;
  controls: HTMLElement;
}

let state: GraphState | undefined;

function visibleNodes(s: GraphState): Set<string> {
  const visible = new Set<string>();
  s.graph.forEachEdge((_key, attributes, source, target) => {
    if (edgeVisible(attributes.edge, s.filter)) visible.add(source).add(target);
  });
  s.graph.forEachNode((key) => {
    if (s.graph.degree(key) === 0 || key === s.selected) visible.add(key);
  });
  return visible;
}

function startRenderer(s: GraphState, container: HTMLElement): void {
  let visible = visibleNodes(s);
  let renderer: Sigma<NodeAttributes, EdgeAttributes>;
  try {
    renderer = new Sigma<NodeAttributes, EdgeAttributes>(s.graph, container, {
      defaultEdgeType: "arrow",
      renderEdgeLabels: false,
      labelRenderedSizeThreshold: 7,
      hideEdgesOnMove: true,
      zIndex: true,
      nodeReducer: (key, data) => ({
        ...data,
        hidden: !visible.has(key),
        highlighted: key === s.selected || s.pathNodes.has(key),
        zIndex: s.pathNodes.has(key) ? 2 : 1,
      }),
      edgeReducer: (key, data) => ({
        ...data,
        hidden: !edgeVisible(data.edge, s.filter),
        color: s.pathEdges.has(key) ? "#d97706" : data.color,
        size: s.pathEdges.has(key) ? 4 : data.size,
        zIndex: s.pathEdges.has(key) ? 2 : 1,
      }),
    });
  } catch (error) {
    replace(
      container,
      el(
        "p",
        { class: "error" },
        `The graph needs WebGL, which this browser refused (${(error as Error).message}). The node list below still works.`,
      ),
    );
    return;
  }
  s.renderer = renderer;
  renderer.on("clickNode", ({ node }) => select(s, node));
  renderer.on("doubleClickNode", ({ node, event }) => {
    event.preventSigmaDefault();
    void expand(s, node);
  });
  const refresh = renderer.refresh.bind(renderer);
  renderer.refresh = (...args) => {
    visible = visibleNodes(s);
    return refresh(...args);
  };
}

function runLayout(s: GraphState, milliseconds: number): void {
  if (s.graph.order < 2) return;
  const settings = {
    ...forceAtlas2.inferSettings(s.graph),
    barnesHutOptimize: s.graph.order > 500,
  };
  try {
    s.layout ??= new FA2Layout(s.graph, { settings });
  } catch {
    forceAtlas2.assign(s.graph, { iterations: 100, settings });
    s.renderer?.refresh();
    return;
  }
  const done = showBusy(`Laying out ${s.graph.order} nodes (ForceAtlas2)…`);
  s.layout.start();
  window.setTimeout(() => {
    s.layout?.stop();
    done();
  }, milliseconds);
}

function renderList(s: GraphState): void {
  const visible = [...visibleNodes(s)].slice(0, 300);
  const rows = visible.map((key) => {
    const node = s.graph.getNodeAttributes(key).node;
    return el(
      "tr",
      {},
      el("td", {}, link(`#/entity/${encodeURIComponent(key)}`, node.caption)),
      el(
        "td",
        {},
        node.schema,
        node.sanctioned ? el("span", { class: "badge sanctioned" }, "sanctioned") : null,
      ),
      el(
        "td",
        {},
        el("button", { type: "button", onclick: () => select(s, key) }, "Select"),
        el("button", { type: "button", onclick: () => void expand(s, key) }, "Expand"),
      ),
    );
  });
  replace(
    s.list,
    el("summary", {}, `Node list (${s.graph.order} nodes, ${s.graph.size} edges)`),
    el(
      "table",
      { class: "node-list" },
      el(
        "thead",
        {},
        el(
          "tr",
          {},
          el("th", { scope: "col" }, "Entity"),
          el("th", { scope: "col" }, "Schema"),
          el("th", { scope: "col" }, "Actions"),
        ),
      ),
      el("tbody", {}, ...rows),
    ),
  );
}

function redraw(s: GraphState): void {
  s.renderer?.refresh();
  renderList(s);
  // Rebuild the filter controls only when the choices change, so keyboard focus stays put.
  const choices = JSON.stringify(describeGraph(s.graph));
  if (s.controls.dataset.choices === choices) return;
  s.controls.dataset.choices = choices;
  replace(
    s.controls,
    filterControls(s.graph, s.filter, () => redraw(s)),
  );
}

function select(s: GraphState, key: string): void {
  s.selected = key;
  const node = s.graph.getNodeAttributes(key).node;
  replace(
    s.panel,
    el("h2", { id: "selected-heading" }, node.caption),
    el(
      "p",
      { class: "meta" },
      `${node.schema} · ${node.id}`,
      node.sanctioned ? el("span", { class: "badge sanctioned" }, "sanctioned") : null,
    ),
    el(
      "div",
      { class: "actions" },
      link(`#/entity/${encodeURIComponent(key)}`, "Open entity page"),
      el("button", { type: "button", onclick: () => void expand(s, key) }, "Expand neighbours"),
      el(
        "button",
        { type: "button", onclick: () => void trace(s, key) },
        "Trace paths to sanctioned",
      ),
    ),
    el("div", { id: "paths" }),
  );
  s.renderer?.refresh();
}

async function expand(s: GraphState, key: string): Promise<void> {
  const added = mergeGraph(s.graph, await api.neighbours(key), key);
  say(`Expanded ${s.graph.getNodeAttributes(key).label}: ${added.length} new nodes.`);
  redraw(s);
  runLayout(s, 1500);
}

function pathsList(s: GraphState, paths: TracePathView[]): HTMLElement {
  const caption = (id: string) => (s.graph.hasNode(id) ? s.graph.getNodeAttributes(id).label : id);
  return el(
    "ol",
    { class: "paths" },
    ...paths.map((path) =>
      el(
        "li",
        {},
        `${path.nodes.map(caption).join(" → ")} (score ${path.score.toFixed(2)})`,
        path.reasons.length ? el("small", {}, ` ${path.reasons.join("; ")}`) : null,
        addToCaseForm("path", path.nodes),
      ),
    ),
  );
}

async function trace(s: GraphState, key: string): Promise<void> {
  let paths: TracePathView[];
  try {
    paths = (await api.trace(key)).paths;
  } catch (error) {
    if (error instanceof ApiFailure && error.status === 501)
      return say("Tracing is not available on this server.", "error");
    throw error;
  }
  for (const id of new Set(paths.flatMap((path) => path.nodes))) {
    if (!s.graph.hasNode(id) || s.graph.degree(id) === 0)
      mergeGraph(s.graph, await api.neighbours(id), key);
  }
  s.pathEdges = new Set(paths.flatMap((path) => path.edges));
  s.pathNodes = new Set(paths.flatMap((path) => path.nodes));
  replace(
    document.getElementById("paths")!,
    el("h3", {}, `${paths.length} paths`),
    pathsList(s, paths),
  );
  say(paths.length ? `Highlighted ${paths.length} paths.` : "No path to a sanctioned party found.");
  redraw(s);
}

async function loadWorkspace(s: GraphState, max: number): Promise<void> {
  const data = await api.workspaceGraph(max);
  mergeGraph(s.graph, data);
  say(
    `Loaded ${data.nodes.length} nodes and ${data.edges.length} edges${data.truncated ? " (cut at the limit)" : ""}.`,
  );
  redraw(s);
  runLayout(s, 3000);
}

/** The graph explorer: sigma (WebGL) over graphology, ForceAtlas2 in a worker. */
export async function renderGraph(main: HTMLElement, id: string | undefined): Promise<void> {
  document.title = "Graph · sanctrace";
  state?.layout?.kill();
  state?.renderer?.kill();
  const container = el("div", {
    class: "sigma",
    role: "img",
    "aria-label": "Network graph; use the node list below with a keyboard",
  });
  const max = el("input", { id: "max-nodes", type: "number", min: 10, max: 20000, value: 2000 });
  const s: GraphState = {
    graph: createWorkGraph(),
    renderer: undefined,
    layout: undefined,
    filter: { types: new Set(), from: "", until: "", tier: "" },
    selected: undefined,
    pathEdges: new Set(),
    pathNodes: new Set(),
    panel: el(
      "aside",
      { class: "selected", "aria-labelledby": "selected-heading" },
      el("h2", { id: "selected-heading" }, "Selection"),
      el("p", {}, "Click a node, or use the node list."),
    ),
    list: el("details", { class: "node-list" }),
    controls: el("div", { class: "controls" }),
  };
  state = s;
  const toolbar = el(
    "div",
    { class: "toolbar" },
    el("label", { for: "max-nodes" }, "Max nodes"),
    max,
    el(
      "button",
      { type: "button", onclick: () => void loadWorkspace(s, Number(max.value) || 2000) },
      "Load whole workspace",
    ),
    el("button", { type: "button", onclick: () => runLayout(s, 3000) }, "Run layout"),
  );
  replace(
    main,
    el("h1", {}, "Graph explorer"),
    toolbar,
    s.controls,
    el("div", { class: "graph-layout" }, container, s.panel),
    s.list,
  );
  startRenderer(s, container);
  if (id) {
    const data = await api.neighbours(id);
    // A later visit may have replaced this view while the request was out.
    if (state !== s) return;
    mergeGraph(s.graph, data);
    select(s, id);
    redraw(s);
    runLayout(s, 1500);
  } else redraw(s);
}
