// Runs the compiled CLI (bin/sanctrace.js) with the arguments given, and at exit writes the
// process's resource usage (CPU of all its threads, peak RSS) as one JSON line to stderr,
// after a marker: how bench/ingest-customs.ts measures the user's path.
import { resourceUsage } from "node:process";

process.on("exit", () => {
  const usage = resourceUsage();
  process.stderr.write(
    `\nsanctrace-usage ${JSON.stringify({ cpu: (usage.userCPUTime + usage.systemCPUTime) / 1e6, maxRss: usage.maxRSS * 1024 })}\n`,
  );
});
process.argv.splice(1, 1, new URL("../bin/sanctrace.js", import.meta.url).pathname);
await import("../bin/sanctrace.js");
