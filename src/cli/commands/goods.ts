import type { Command } from "commander";
import type { HsInfo } from "../../goods/index.js";
import { type CliContext, globalOptions } from "../context.js";
import { printTable } from "../output.js";

function hsRows(hs: HsInfo): Array<[string, string]> {
  const rows: Array<[string, string]> = [["code", hs.display]];
  for (const key of ["section", "chapter", "heading", "subheading"] as const) {
    const level = hs[key];
    if (level) rows.push([key, `${level.code} ${level.description}`]);
  }
  rows.push(["CHPL tier", hs.chplTier ?? "not listed"]);
  return rows;
}

export function registerGoods(program: Command, context: CliContext): void {
  const goods = program.command("goods").description("HS codes, CHPL tiers, battlefield goods");
  goods
    .command("classify")
    .description(
      "classify a goods description (English, Russian, Chinese) into battlefield categories",
    )
    .argument("<text>", "goods description, e.g. 'квадрокоптер DJI Mavic 3'")
    .option("--hs <code>", "HS code of the goods (8806.21, 8806 21 00 00, 880621)")
    .action(async (text: string, options: { hs?: string }, command: Command) => {
      const { json } = globalOptions(command, context);
      const { classifyGoods } = await import("../../goods/index.js");
      const result = classifyGoods(text, options.hs ? { hs: options.hs } : {});
      if (json) return context.io.stdout(`${JSON.stringify(result)}\n`);
      if (result.hs) printTable(context.io, ["hs", "value"], hsRows(result.hs));
      printTable(
        context.io,
        ["category", "keywords"],
        result.categories.map((match) => [match.category, match.keywords.join(", ")]),
      );
      context.io.stdout(`battlefield: ${result.battlefield ? "yes" : "no"}\n`);
    });
  goods
    .command("hs")
    .description("describe an HS code: chapter, heading, subheading and CHPL tier")
    .argument("<code>", "HS code in any common notation")
    .action(async (code: string, _options, command: Command) => {
      const { json } = globalOptions(command, context);
      const { describeHsCode } = await import("../../goods/index.js");
      const info = describeHsCode(code);
      if (json) return context.io.stdout(`${JSON.stringify(info)}\n`);
      printTable(context.io, ["hs", "value"], hsRows(info));
    });
}
