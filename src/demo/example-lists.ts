import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { makeId } from "../model/index.js";
import type { DemoCase } from "./case-types.js";

/**
 * Write a small, fictional sanctions list (FtM JSON lines) naming the planted end-user and
 * intermediary, for runs without the real lists: screening then has something to find.
 * @example writeExampleLists(generateCase(), "/tmp/case") // "/tmp/case/example-sanctions.ftm.json"
 */
export function writeExampleLists(demo: DemoCase, dir: string): string {
  const finding = demo.findings[0];
  const listed = demo.companies.filter(
    (company) =>
      finding?.companies.includes(company.key) &&
      ["end-user", "intermediary"].includes(company.role),
  );
  const lines = listed.flatMap((company) => {
    const id = `example-${company.key}`;
    const names = [company.latin.toUpperCase().replace(/ LLC$/, ", OOO"), company.cyrillic].filter(
      Boolean,
    );
    const entity = {
      id,
      schema: "Company",
      properties: {
        name: [names[0]],
        alias: names.slice(1),
        country: [company.country],
        topics: ["sanction"],
        ...(company.identifiers.innCode ? { innCode: [company.identifiers.innCode] } : {}),
      },
    };
    const sanction = {
      id: makeId("example-sanction", id),
      schema: "Sanction",
      properties: {
        entity: [id],
        authority: ["Example Sanctions Authority (fictional)"],
        program: ["EXAMPLE-RU"],
      },
    };
    return [JSON.stringify(entity), JSON.stringify(sanction)];
  });
  const path = join(dir, "example-sanctions.ftm.json");
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
}
