import graphologyModule from "graphology";
import { write as writeGexf } from "graphology-gexf";
import { toFtm } from "../model/index.js";
import type { Store } from "../store/index.js";
import type { GraphData } from "./types.js";

// CommonJS typed as an ES module: at run time the default import is the class.
const Graph = graphologyModule as unknown as typeof graphologyModule.default;

/**
 * Every entity of the workspace as FtM JSON lines, in id order.
 * @example for await (const line of exportFtmLines(store)) out.write(line);
 */
export async function* exportFtmLines(store: Store): AsyncIterable<string> {
  for await (const entity of store.iterateEntities()) yield `${JSON.stringify(toFtm(entity))}\n`;
}

/**
 * A graph as GEXF 1.3 that Gephi opens: node label, schema and sanctioned flag; edge label,
 * schema, date and goods tier.
 * @example writeFileSync("case.gexf", renderGexf(await buildWorkspaceGraph(store)));
 */
export function renderGexf(data: GraphData): string {
  const graph = new Graph({ multi: true, type: "directed" });
  for (const node of data.nodes) {
    graph.addNode(node.id, {
      label: node.caption,
      schema: node.schema,
      sanctioned: node.sanctioned,
    });
  }
  for (const edge of data.edges) {
    if (!graph.hasNode(edge.source) || !graph.hasNode(edge.target)) continue;
    graph.addDirectedEdgeWithKey(edge.id, edge.source, edge.target, {
      label: edge.label,
      schema: edge.schema,
      date: edge.date ?? "",
      tier: edge.tier ?? "",
      goods: edge.goods.join("; "),
    });
  }
  return writeGexf(graph, { version: "1.3", pretty: true });
}

/** One CSV field, quoted when it holds a comma, quote or line break (RFC 4180). */
export function csvField(value: string | number | boolean | null): string {
  const text = value === null ? "" : String(value);
  // A leading = + - @ would run as a formula in a spreadsheet; a quote keeps it text.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const csvLine = (fields: Array<string | number | boolean | null>) =>
  `${fields.map(csvField).join(",")}\r\n`;

/**
 * A graph as two CSV files: nodes (id, label, schema, sanctioned) and edges (id, source,
 * target, schema, label, date, tier, goods), as Gephi's and spreadsheets' importers expect.
 * @example const { nodes, edges } = renderCsv(graph);
 */
export function renderCsv(data: GraphData): { nodes: string; edges: string } {
  const nodes = [csvLine(["id", "label", "schema", "sanctioned"])];
  for (const node of data.nodes)
    nodes.push(csvLine([node.id, node.caption, node.schema, node.sanctioned]));
  const edges = [csvLine(["id", "source", "target", "schema", "label", "date", "tier", "goods"])];
  for (const edge of data.edges) {
    edges.push(
      csvLine([
        edge.id,
        edge.source,
        edge.target,
        edge.schema,
        edge.label,
        edge.date,
        edge.tier,
        edge.goods.join("; "),
      ]),
    );
  }
  return { nodes: nodes.join(""), edges: edges.join("") };
}
