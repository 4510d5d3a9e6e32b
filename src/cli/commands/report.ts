import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { SanctraceError } from "../../model/index.js";
import { type CliContext, globalOptions, withStore } from "../context.js";

interface ReportFlags {
  case?: string;
  out?: string;
  format?: string;
}

export function registerReport(program: Command, context: CliContext): void {
  program
    .command("report")
    .description("write a dossier on an entity or a case: HTML, Markdown or PDF, every value cited")
    .argument("[id]", "entity id (or use --case)")
    .option("--case <name>", "report on a stored case instead of one entity")
    .option("--out <file>", "output file; its extension picks the format (.html, .md, .pdf)")
    .option("--format <format>", "html, md or pdf (default: from --out, else md to stdout)")
    .action(async (id: string | undefined, flags: ReportFlags, command: Command) => {
      const { db } = globalOptions(command, context);
      if (!id === !flags.case) {
        throw new SanctraceError(
          "usage_report_subject",
          "give an entity id or --case NAME, not both",
        );
      }
      const {
        buildCaseDossier,
        buildEntityDossier,
        chplTierOfCodes,
        createRiskLookup,
        renderReport,
        reportFormat,
      } = await import("../../report/index.js");
      const format = reportFormat(flags.format ?? flags.out ?? "md");
      if (format === "pdf" && !flags.out) {
        throw new SanctraceError("usage_report_out", "a PDF needs --out FILE.pdf");
      }
      const report = await withStore(db, async (store) => {
        const riskOf = createRiskLookup(store);
        const extras = async (subject: string) => ({ risk: await riskOf(subject) });
        const options = { tierOf: chplTierOfCodes, extras };
        const dossier = flags.case
          ? await buildCaseDossier(store, flags.case, options)
          : await buildEntityDossier(store, id!, options);
        return renderReport(dossier, format);
      });
      if (!flags.out) return context.io.stdout(String(report.body));
      writeFileSync(flags.out, report.body);
      context.io.stderr(`${format} report written to ${flags.out}\n`);
    });
}
