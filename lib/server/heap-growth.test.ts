import { describe, expect, it } from "vitest";
import { heapGrowthPercentFrom } from "./heap-growth";

describe("GRANSKAD_HEAP_GROWTH_PERCENT", () => {
  it("defaults to 30, takes a whole number of percent, and 0 leaves the growth to V8", () => {
    expect(heapGrowthPercentFrom({})).toBe(30);
    expect(heapGrowthPercentFrom({ GRANSKAD_HEAP_GROWTH_PERCENT: "" })).toBe(30);
    expect(heapGrowthPercentFrom({ GRANSKAD_HEAP_GROWTH_PERCENT: "0" })).toBe(0);
    expect(heapGrowthPercentFrom({ GRANSKAD_HEAP_GROWTH_PERCENT: "50" })).toBe(50);
  });

  it("refuses anything else with a message naming the setting", () => {
    for (const bad of ["-5", "1.5", "lots", "1e2", "1000", " 30"]) expect(() => heapGrowthPercentFrom({ GRANSKAD_HEAP_GROWTH_PERCENT: bad })).toThrow(/GRANSKAD_HEAP_GROWTH_PERCENT/);
  });
});
