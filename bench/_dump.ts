import { scorePair } from "../src/match/index.js";
import { benchHalf, readNameBench } from "../bench/quality-data.js";
const half = process.argv[2] ?? "dev";
for (const row of readNameBench("/work/shared/data/name_matching")) {
  if (benchHalf(row) !== half) continue;
  const r = scorePair({ schema: row.schema, properties: { name: [row.left] } }, { schema: row.schema, properties: { name: [row.right] } });
  const ok = (r.score >= 0.7) === row.match ? "  " : (row.match ? "FN" : "FP");
  console.log(`${ok} ${row.match ? "T" : "F"} ${r.score.toFixed(3)} ${row.group.slice(0,8)} ${row.schema.slice(0,6)} ${row.left} | ${row.right}  || ${r.explanation.map(e => e.name + ":" + (e.detail ?? e.value)).join("; ")}`);
}
