import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generatedPath, generateGoodsTables } from "../../scripts/generate-goods-tables.js";
import { sharedPath, skipWithoutShared } from "../../test/helpers/shared.js";

describe.skipIf(skipWithoutShared)("generated HS tables", () => {
  it("match what the script generates from the shared HS and CHPL files", () => {
    const fresh = generateGoodsTables(sharedPath("hs_codes"));
    expect(readFileSync(generatedPath, "utf8") === fresh).toBe(true);
  });
});
