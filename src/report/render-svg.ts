import graphologyModule from "graphology";
import forceAtlas2Module from "graphology-layout-forceatlas2";
import { escapeHtml } from "./escape.js";
import type { GraphData } from "./types.js";

export interface SvgOptions {
  width?: number;
  height?: number;
  /** Edge ids drawn as a highlighted path. */
  highlight?: Set<string>;
}

// Both packages are CommonJS typed as ES modules: at run time the default import is the value.
const Graph = graphologyModule as unknown as typeof graphologyModule.default;
const forceAtlas2 = forceAtlas2Module as unknown as typeof forceAtlas2Module.default;

interface Point {
  x: number;
  y: number;
}

/** ForceAtlas2 from a circle, so the same graph always gets the same picture. */
function layOut(data: GraphData): Map<string, Point> {
  const graph = new Graph({ multi: true, type: "mixed" });
  data.nodes.forEach((node, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, data.nodes.length);
    graph.addNode(node.id, { x: Math.cos(angle) * 100, y: Math.sin(angle) * 100 });
  });
  for (const edge of data.edges) {
    if (graph.hasNode(edge.source) && graph.hasNode(edge.target)) {
      graph.addEdge(edge.source, edge.target);
    }
  }
  if (graph.order > 1) {
    const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: false };
    forceAtlas2.assign(graph, { iterations: 150, settings });
  }
  const points = new Map<string, Point>();
  graph.forEachNode((id: string, attributes: Record<string, number>) =>
    points.set(id, { x: attributes.x ?? 0, y: attributes.y ?? 0 }),
  );
  return points;
}

function fitToBox(points: Map<string, Point>, width: number, height: number): Map<string, Point> {
  const xs = [...points.values()].map((p) => p.x);
  const ys = [...points.values()].map((p) => p.y);
  const [minX, maxX, minY, maxY] = [
    Math.min(...xs),
    Math.max(...xs),
    Math.min(...ys),
    Math.max(...ys),
  ];
  const margin = 60;
  const scale = Math.min(
    (width - 2 * margin) / Math.max(1e-9, maxX - minX),
    (height - 2 * margin) / Math.max(1e-9, maxY - minY),
  );
  const fitted = new Map<string, Point>();
  for (const [id, p] of points) {
    fitted.set(id, {
      x: points.size === 1 ? width / 2 : margin + (p.x - minX) * scale,
      y: points.size === 1 ? height / 2 : margin + (p.y - minY) * scale,
    });
  }
  return fitted;
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Draw a graph as a standalone SVG figure (ForceAtlas2 layout, sanctioned nodes in red,
 * highlighted path edges thick). Every label is escaped text.
 * @example renderGraphSvg({ nodes, edges, truncated: false }) // "<svg ...>...</svg>"
 */
export function renderGraphSvg(data: GraphData, options: SvgOptions = {}): string {
  const width = options.width ?? 800;
  const height = options.height ?? 520;
  const points = data.nodes.length ? fitToBox(layOut(data), width, height) : new Map();
  const parts: string[] = [];
  for (const edge of data.edges) {
    const a = points.get(edge.source);
    const b = points.get(edge.target);
    if (!a || !b) continue;
    const hot = options.highlight?.has(edge.id);
    parts.push(
      `<line x1="${round(a.x)}" y1="${round(a.y)}" x2="${round(b.x)}" y2="${round(b.y)}" stroke="${hot ? "#d97706" : "#94a3b8"}" stroke-width="${hot ? 4 : 1.5}"><title>${escapeHtml(edge.label)}${edge.date ? ` ${escapeHtml(edge.date)}` : ""}</title></line>`,
    );
  }
  for (const node of data.nodes) {
    const p = points.get(node.id);
    if (!p) continue;
    const fill = node.sanctioned ? "#dc2626" : node.schema === "Person" ? "#2563eb" : "#0f766e";
    const label = node.caption.length > 40 ? `${node.caption.slice(0, 39)}…` : node.caption;
    parts.push(
      `<g><circle cx="${round(p.x)}" cy="${round(p.y)}" r="9" fill="${fill}"/><text x="${round(p.x + 12)}" y="${round(p.y + 4)}" font-size="12" font-family="sans-serif" fill="#111827">${escapeHtml(label)}</text></g>`,
    );
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Network of the entities in this report"><rect width="100%" height="100%" fill="#ffffff"/>${parts.join("")}</svg>`;
}
