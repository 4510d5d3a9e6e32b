import type { Command } from "commander";
import { judgePair } from "../../match/index.js";
import { type CliContext, globalOptions, withStore } from "../context.js";

interface JudgeOptions {
  note?: string;
  user?: string;
}

export function registerJudge(program: Command, context: CliContext): void {
  program
    .command("judge")
    .description("record whether two entities are the same (positive merges, negative keeps apart)")
    .argument("<left>", "entity id")
    .argument("<right>", "entity id")
    .argument("<judgement>", "positive | negative | unsure")
    .option("--note <text>", "why")
    .option("--user <name>", "who decides (default: $USER)")
    .action(
      async (left: string, right: string, judgement: string, options: JudgeOptions, command) => {
        const { db, json } = globalOptions(command as Command, context);
        const user = options.user ?? context.env.USER ?? "analyst";
        const result = await withStore(db, (store) =>
          judgePair(store, {
            left,
            right,
            judgement,
            user,
            ...(options.note ? { note: options.note } : {}),
          }),
        );
        if (json) {
          context.io.stdout(`${JSON.stringify(result)}\n`);
          return;
        }
        const { judgement: saved, canonicalId, referents } = result;
        context.io.stdout(
          `${saved.judgement}: ${saved.left} ${saved.right} (by ${saved.user}, ${saved.at})\n` +
            `canonical entity ${canonicalId}: ${referents.join(", ")}\n`,
        );
      },
    );
}
