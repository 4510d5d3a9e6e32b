import { describe, expect, it } from "vitest";
import { CandidateSet } from "./candidate-set.js";

function drain(set: CandidateSet): Array<[number, number]> {
  set.order();
  const taken: Array<[number, number]> = [];
  for (let entity = set.next(); entity >= 0; entity = set.next()) {
    taken.push([entity, set.bound(entity)]);
  }
  return taken;
}

describe("CandidateSet", () => {
  it("gives candidates best bound first, each with its best bound and its rows once", () => {
    const set = new CandidateSet();
    set.reset(10, 20);
    set.addRow(3, 7, 0.75);
    set.addRow(5, 9, 0.9);
    set.addRow(3, 8, 0.8);
    set.addRow(3, 7, 0.7);
    set.addRow(1, 2, 0.8);
    expect(set.rows(3)).toEqual(new Set([7, 8]));
    expect(drain(set)).toEqual([
      [5, 0.9],
      [1, 0.8],
      [3, 0.8],
    ]);
  });

  it("compares every row of a candidate that shares an identifier", () => {
    const set = new CandidateSet();
    set.reset(10, 20);
    set.addRow(4, 1, 0.72);
    set.addEntity(4, 1);
    set.addRow(4, 2, 0.8);
    set.addEntity(6, 1);
    expect(set.rows(4)).toBeUndefined();
    expect(set.rows(6)).toBeUndefined();
    expect(drain(set)).toEqual([
      [4, 1],
      [6, 1],
    ]);
  });

  it("starts each query empty, and grows with the index", () => {
    const set = new CandidateSet();
    set.reset(4, 4);
    set.addRow(2, 3, 0.9);
    set.reset(4, 4);
    expect(drain(set)).toEqual([]);
    set.reset(5000, 9000);
    set.addRow(4999, 8999, 0.8);
    set.addRow(2, 3, 0.7);
    expect(set.rows(2)).toEqual(new Set([3]));
    expect(drain(set)).toEqual([
      [4999, 0.8],
      [2, 0.7],
    ]);
  });
});
