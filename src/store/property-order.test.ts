import { describe, expect, it } from "vitest";
import { PropertyOrder } from "./property-order.js";

describe("PropertyOrder", () => {
  it("makes each property once, whatever place or order it is stated at", () => {
    const made: string[] = [];
    const order = new PropertyOrder((name) => {
      made.push(name);
      return { name };
    });
    const first = ["name", "country", "innCode"].map((name, place) => order.at(place, name));
    const again = ["name", "country", "innCode"].map((name, place) => order.at(place, name));
    const moved = ["innCode", "name"].map((name, place) => order.at(place, name));
    expect(again).toEqual(first);
    expect(again[0]).toBe(first[0]);
    expect(moved).toEqual([first[2], first[0]]);
    expect(moved[0]).toBe(first[2]);
    expect(made).toEqual(["name", "country", "innCode"]);
  });
});
