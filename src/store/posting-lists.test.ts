import { describe, expect, it } from "vitest";
import { NumberedLists, PostingLists } from "./posting-lists.js";

/** The rows a drain gives, flat. */
function rows(lists: { drain: PostingLists["drain"] }): Array<Array<number | string>> {
  const out: Array<Array<number | string>> = [];
  lists.drain((prop, value, first, facts) => out.push([prop, value, first, facts]));
  return out;
}

describe("PostingLists", () => {
  it("gives one row per value, in key order, its facts ascending and each once", () => {
    const lists = new PostingLists();
    lists.add(3, "7700000001", 12);
    lists.add(3, "7700000001", 12);
    lists.add(4, "10702070/010324/0000002", 9);
    lists.add(5, "7700000001", 12);
    lists.add(5, "1027700000001", 12);
    lists.add(6, "10702070/010324/0000001", 9);
    expect(rows(lists)).toEqual([
      [9, "10702070/010324/0000001", 6, "[6]"],
      [9, "10702070/010324/0000002", 4, "[4]"],
      [12, "1027700000001", 5, "[5]"],
      [12, "7700000001", 3, "[3,5]"],
    ]);
    expect(rows(lists)).toEqual([]);
  });

  it("keys references by value alone", () => {
    const lists = new PostingLists();
    for (const [fact, value] of [
      [1, "b"],
      [2, "a"],
      [3, "b"],
    ] as const)
      lists.add(fact, value);
    expect(rows(lists)).toEqual([
      [0, "a", 2, "[2]"],
      [0, "b", 1, "[1,3]"],
    ]);
  });
});

describe("NumberedLists", () => {
  it("gives the rows of numbered values in value order, each drain its own, and refuses a restart while holding", () => {
    const lists = new NumberedLists();
    lists.name(["payer-2", "bank-1"], false);
    lists.add(10, 0);
    lists.add(10, 1);
    lists.name(["payer-1"], false);
    lists.add(11, 2);
    lists.add(12, 0);
    lists.add(12, 0);
    expect(() => lists.name(["x"], true)).toThrow("held");
    expect(rows(lists)).toEqual([
      [0, "bank-1", 10, "[10]"],
      [0, "payer-1", 11, "[11]"],
      [0, "payer-2", 10, "[10,12]"],
    ]);
    // A drain lets go of the facts: a value stated again starts a row of its own.
    lists.add(14, 1);
    expect(rows(lists)).toEqual([[0, "bank-1", 14, "[14]"]]);
    lists.name(["bank-1"], true);
    lists.add(13, 0);
    expect(rows(lists)).toEqual([[0, "bank-1", 13, "[13]"]]);
  });
});
