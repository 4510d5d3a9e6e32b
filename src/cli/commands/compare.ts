import type { Command } from "commander";
import { comparePairs } from "../../match/index.js";
import type { CliContext } from "../context.js";
import { openSink } from "../sink.js";
import { parseThreshold } from "./numbers.js";

interface CompareOptions {
  input: string;
  out?: string;
  threshold: number;
}

export function registerCompare(program: Command, context: CliContext): void {
  program
    .command("compare")
    .description('score pairs: each input line {"a":{schema,properties},"b":{...}}')
    .requiredOption("--input <file>", "pairs as JSON lines")
    .option("--out <file>", "write the JSON lines here instead of stdout")
    .option("--threshold <t>", "score at which a pair is a match", parseThreshold, 0.7)
    .action(async (options: CompareOptions) => {
      const sink = openSink(context.io, options.out);
      try {
        for await (const result of comparePairs(options.input, options.threshold)) {
          await sink.write(result);
        }
      } finally {
        await sink.close();
      }
    });
}
