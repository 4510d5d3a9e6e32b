import type { Command } from "commander";
import { buildNameQuery, openMatcher, toScreenHit } from "../../match/index.js";
import { type CliContext, globalOptions, withStore } from "../context.js";
import { printTable } from "../output.js";
import { parseLimit, parseThreshold } from "./numbers.js";

interface MatchOptions {
  schema?: string;
  country?: string;
  birthDate?: string;
  id?: string;
  dataset?: string[];
  limit: number;
  threshold: number;
}

export function registerMatch(program: Command, context: CliContext): void {
  program
    .command("match")
    .description("match one name against the loaded lists, with each feature's contribution")
    .argument("<name>", "the name to look up, in any script")
    .option("--schema <schema>", "FtM schema: Person, Company, Organization, Vessel, ...")
    .option("--country <code>", "country code, e.g. ru")
    .option("--birth-date <date>", "birth date, e.g. 1970-03-01 (implies Person)")
    .option("--id <value>", "an identifier: INN, OGRN, IMO, LEI, passport, ...")
    .option("--dataset <name...>", "only these lists (default: every loaded list)")
    .option("--limit <n>", "results to show", parseLimit, 5)
    .option("--threshold <t>", "score at which a result is a match", parseThreshold, 0.7)
    .action(async (name: string, options: MatchOptions, command: Command) => {
      const { db, json } = globalOptions(command, context);
      const query = buildNameQuery({
        name,
        ...(options.schema ? { schema: options.schema } : {}),
        ...(options.country ? { country: options.country } : {}),
        ...(options.birthDate ? { birthDate: options.birthDate } : {}),
        ...(options.id ? { identifier: options.id } : {}),
      });
      const hits = await withStore(db, async (store) => {
        const matcher = (await openMatcher(store)).requireLists();
        const { limit, threshold } = options;
        return matcher.match(query, {
          limit,
          threshold,
          ...(options.dataset ? { datasets: options.dataset } : {}),
        });
      });
      const results = hits.map(toScreenHit);
      if (json) return context.io.stdout(`${JSON.stringify({ query, results })}\n`);
      printTable(
        context.io,
        ["score", "match", "id", "schema", "caption", "datasets"],
        results.map((hit) => [
          hit.score.toFixed(3),
          hit.match ? "yes" : "no",
          hit.id,
          hit.schema,
          hit.caption,
          hit.datasets.join(","),
        ]),
      );
    });
}
