import { describe, expect, it } from "vitest";
import { generationsIn, judgeFreshness, type FreshnessResponse } from "./bench-freshness";

describe("the benchmark's freshness check", () => {
  it("reads the generation from the page's <title> and <h1>, and from the API's title and version number", () => {
    expect(generationsIn("page", "<title>Rygg · generation 3 | Granskad</title><h1 class=\"x\">Rygg · generation 3</h1>")).toEqual([3, 3]);
    expect(generationsIn("page", "<title>Rygg</title><h1>Rygg</h1>")).toEqual([0, 0]);
    expect(generationsIn("api", JSON.stringify({ title: "Rygg · generation 2", version: { number: 22 } }))).toEqual([2, 22]);
  });

  it("counts a response stale when it started after a commit yet shows an older generation, and mixed when its parts disagree", () => {
    const commits = [1_000, 2_000];
    const version = (generation: number) => 20 + generation;
    const responses: FreshnessResponse[] = [
      { instance: 0, surface: "page", startedAt: 900, generations: [0, 0] },
      { instance: 0, surface: "page", startedAt: 1_001, generations: [1, 1] },
      { instance: 1, surface: "page", startedAt: 1_005, generations: [0, 0] },
      { instance: 1, surface: "api", startedAt: 2_500, generations: [2, 22] },
      { instance: 1, surface: "api", startedAt: 2_600, generations: [2, 21] },
      { instance: 0, surface: "page", startedAt: 2_700, generations: [2, 1] },
    ];
    expect(judgeFreshness(responses, commits, version)).toEqual({ responses: 6, stale: 1, mixed: 2, maxStaleLagMs: 5 });
  });

  it("on a reused corpus, counts from the generation an earlier run left (its title's marker)", () => {
    const commits = [1_000];
    const version = (generation: number) => 20 + generation;
    const responses: FreshnessResponse[] = [
      { instance: 0, surface: "api", startedAt: 900, generations: [5, 25] },
      { instance: 0, surface: "page", startedAt: 1_001, generations: [6, 6] },
      { instance: 1, surface: "page", startedAt: 1_003, generations: [5, 5] },
    ];
    expect(judgeFreshness(responses, commits, version, 5)).toEqual({ responses: 3, stale: 1, mixed: 0, maxStaleLagMs: 3 });
  });
});
