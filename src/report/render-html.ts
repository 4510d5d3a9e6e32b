import type { Dossier, DossierSubject } from "./dossier.js";
import { escapeHtml as h } from "./escape.js";
import { renderGraphSvg } from "./render-svg.js";

/** The report opens offline and runs nothing: no scripts, no outside requests. */
export const DOSSIER_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#111827}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}th,td{border:1px solid #d1d5db;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f4f6}.cite{font-size:.8em;vertical-align:super}.cite a{color:#1d4ed8}.sanctioned{color:#b91c1c;font-weight:600}
figure{margin:1rem 0}svg{max-width:100%;height:auto;border:1px solid #e5e7eb}code{font-size:.9em}
ol.sources li{margin:.2rem 0;word-break:break-all}@media print{a{color:inherit}}`;

const cites = (numbers: number[]) =>
  [...new Set(numbers)]
    .map((n) => `<span class="cite"><a href="#source-${n}">[${n}]</a></span>`)
    .join(" ");

function subjectSection(subject: DossierSubject): string {
  const { page } = subject;
  const rows = subject.facts
    .map(
      (fact) =>
        `<tr><th scope="row">${h(fact.label)}</th><td>${h(fact.value)} ${cites(fact.cites)}</td></tr>`,
    )
    .join("");
  const sanctions = page.sanctions
    .map((s, i) => {
      const what = [...s.authority, ...s.program, ...s.listingDate].join(" · ") || s.id;
      return `<li>${h(what)} ${cites(subject.sanctionCites[i] ?? [])}</li>`;
    })
    .join("");
  const relations = page.relations
    .map((r) => {
      const arrow = r.direction === "out" ? "→" : "←";
      const extra = [r.date, r.detail]
        .filter(Boolean)
        .map((x) => h(x!))
        .join(" · ");
      return `<li>${h(r.label)} ${arrow} ${h(r.other.caption)}${extra ? ` <small>${extra}</small>` : ""}</li>`;
    })
    .join("");
  const risk = page.risk
    .map(
      (r) =>
        `<li><code>${h(r.code)}</code> +${r.contribution.toFixed(2)}: ${h(r.explanation)}</li>`,
    )
    .join("");
  return `<section><h3>${h(page.caption)} <small>${h(page.schema)} · <code>${h(page.id)}</code></small></h3>
${page.sanctioned ? '<p class="sanctioned">Sanctioned.</p>' : ""}
<table><tbody>${rows}</tbody></table>
${sanctions ? `<h4>Sanctions</h4><ul>${sanctions}</ul>` : ""}${relations ? `<h4>Relations</h4><ul>${relations}</ul>` : ""}${risk ? `<h4>Risk</h4><ul>${risk}</ul>` : ""}</section>`;
}

/**
 * A dossier as one self-contained HTML file: inline style and SVG figure, no script, a CSP
 * that forbids any, and every value escaped.
 * @example writeFileSync("kupol.html", renderHtml(dossier));
 */
export function renderHtml(dossier: Dossier): string {
  const pathEdges = new Set(dossier.paths.flatMap((path) => path.edges.map((edge) => edge.id)));
  const paths = dossier.paths
    .map((path) => `<li>${path.nodes.map((node) => h(node.caption)).join(" → ")}</li>`)
    .join("");
  const timeline = dossier.timeline
    .map(
      (e) =>
        `<tr><td>${h(e.date)}</td><td>${h(e.label)}</td><td>${h(e.entity.caption)}</td><td>${e.cite ? cites([e.cite]) : ""}</td></tr>`,
    )
    .join("");
  const sources = dossier.citations
    .map(
      (c) =>
        `<li id="source-${c.n}">${h(c.dataset)} · ${h(c.sourceName ?? "unnamed file")} · <code>${h(c.locator)}</code> · sha256 <code>${h(c.source)}</code></li>`,
    )
    .join("");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${DOSSIER_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(dossier.title)}</title><style>${STYLE}</style></head>
<body><header><h1>${h(dossier.title)}</h1><p>Generated ${h(dossier.generatedAt)} by sanctrace.</p></header>
<main><h2>Subjects</h2>${dossier.subjects.map(subjectSection).join("\n")}
${paths ? `<h2>Paths</h2><ol>${paths}</ol>` : ""}
<h2>Network</h2><figure>${renderGraphSvg(dossier.graph, { highlight: pathEdges })}<figcaption>Entities and their links; sanctioned in red, paths in orange.</figcaption></figure>
<h2>Timeline</h2><table><thead><tr><th>Date</th><th>Event</th><th>Entity</th><th>Source</th></tr></thead><tbody>${timeline}</tbody></table>
<h2>Sources</h2><ol class="sources">${sources}</ol></main></body></html>
`;
}
