import type { Command } from "commander";
import { describeCanonical, loadResolver } from "../../match/index.js";
import { SanctraceError } from "../../model/index.js";
import { type CliContext, globalOptions, withStore } from "../context.js";
import { printTable } from "../output.js";

export function registerEntity(program: Command, context: CliContext): void {
  program
    .command("entity")
    .description("show an entity, every statement with its provenance, and linked entities")
    .argument("<id>", "entity id, e.g. ofac-46431")
    .action(async (id: string, _options, command: Command) => {
      const { db, json } = globalOptions(command, context);
      const view = await withStore(db, async (store) =>
        describeCanonical(store, await loadResolver(store), id),
      );
      if (!view) throw new SanctraceError("entity_not_found", `no entity with id "${id}"`, db);
      const { io } = context;
      if (json) {
        io.stdout(`${JSON.stringify(view)}\n`);
        return;
      }
      io.stdout(
        `${view.caption}  [${view.schema}]  ${view.id}\ndatasets: ${view.datasets.join(", ")}\n`,
      );
      if (view.referents.length > 1) io.stdout(`merged: ${view.referents.join(", ")}\n`);
      io.stdout("\n");
      const merged = view.referents.length > 1;
      printTable(
        io,
        [...(merged ? ["entity"] : []), "property", "value", "dataset", "source", "locator"],
        view.statements.map((s) => [
          ...(merged ? [s.entity_id] : []),
          s.prop,
          s.value,
          s.dataset,
          s.source_name ?? s.source.slice(0, 12),
          s.locator,
        ]),
      );
      if (view.linked.length) {
        io.stdout("\nlinked:\n");
        printTable(
          io,
          ["direction", "via", "id", "schema", "caption"],
          view.linked.map((link) => [link.direction, link.via, link.id, link.schema, link.caption]),
        );
      }
    });
}
