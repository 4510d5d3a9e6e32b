import type { Dossier, DossierSubject } from "./dossier.js";
import { escapeMarkdown as md } from "./escape.js";
import { renderGraphSvg } from "./render-svg.js";

const cites = (numbers: number[]) => [...new Set(numbers)].map((n) => `[${n}]`).join(" ");

function subjectSection(subject: DossierSubject): string[] {
  const { page } = subject;
  const lines = [`### ${md(page.caption)} (${md(page.schema)})`, "", `Id: \`${page.id}\``, ""];
  if (page.sanctioned) lines.push("**Sanctioned.**", "");
  lines.push("| Property | Value | Sources |", "| --- | --- | --- |");
  for (const fact of subject.facts) {
    lines.push(`| ${md(fact.label)} | ${md(fact.value)} | ${cites(fact.cites)} |`);
  }
  if (page.sanctions.length) {
    lines.push("", "#### Sanctions", "");
    page.sanctions.forEach((sanction, i) => {
      const what = [...sanction.authority, ...sanction.program, ...sanction.listingDate];
      lines.push(
        `- ${md(what.join(" · ") || sanction.id)} ${cites(subject.sanctionCites[i] ?? [])}`,
      );
    });
  }
  if (page.relations.length) {
    lines.push("", "#### Relations", "");
    for (const relation of page.relations) {
      const arrow = relation.direction === "out" ? "→" : "←";
      const date = relation.date ? ` (${md(relation.date)})` : "";
      const detail = relation.detail ? ` — ${md(relation.detail)}` : "";
      lines.push(`- ${md(relation.label)} ${arrow} ${md(relation.other.caption)}${date}${detail}`);
    }
  }
  if (page.risk.length) {
    lines.push("", "#### Risk", "");
    for (const reason of page.risk) {
      lines.push(
        `- ${md(reason.code)} (+${reason.contribution.toFixed(2)}): ${md(reason.explanation)}`,
      );
    }
  }
  return [...lines, ""];
}

/**
 * A dossier as Markdown: subjects with cited facts, paths, the graph figure (an embedded SVG),
 * the timeline and the numbered sources. Names are escaped, never markup.
 * @example renderMarkdown(await buildDossier(store, { title: "Kupol", ids: ["ofac-1"] }))
 */
export function renderMarkdown(dossier: Dossier): string {
  const lines = [
    `# ${md(dossier.title)}`,
    "",
    `Generated ${dossier.generatedAt} by sanctrace.`,
    "",
  ];
  lines.push("## Subjects", "", ...dossier.subjects.flatMap(subjectSection));
  if (dossier.paths.length) {
    lines.push("## Paths", "");
    dossier.paths.forEach((path, i) => {
      lines.push(`${i + 1}. ${path.nodes.map((node) => md(node.caption)).join(" → ")}`);
    });
    lines.push("");
  }
  const svg = Buffer.from(renderGraphSvg(dossier.graph)).toString("base64");
  lines.push(
    "## Network",
    "",
    `![Network of the entities in this report](data:image/svg+xml;base64,${svg})`,
    "",
  );
  lines.push("## Timeline", "", "| Date | Event | Entity | Source |", "| --- | --- | --- | --- |");
  for (const event of dossier.timeline) {
    const source = event.cite ? `[${event.cite}]` : "";
    lines.push(
      `| ${md(event.date)} | ${md(event.label)} | ${md(event.entity.caption)} | ${source} |`,
    );
  }
  lines.push("", "## Sources", "");
  for (const citation of dossier.citations) {
    const file = citation.sourceName ?? "unnamed file";
    lines.push(
      `${citation.n}. ${md(citation.dataset)} · ${md(file)} · ${md(citation.locator)} · sha256 ${citation.source.slice(0, 16)}`,
    );
  }
  return `${lines.join("\n")}\n`;
}
