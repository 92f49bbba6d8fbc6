import { describe, expect, it } from "vitest";
import { formatElapsed } from "./sv";

const now = new Date("2026-12-02T12:00:00Z");
const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

describe("how long something has waited, in Swedish", () => {
  it("counts in whole hours under a day and in whole days after, and says so for moments ahead", () => {
    expect(formatElapsed(ago(5), now)).toBe("mindre än en timme");
    expect(formatElapsed(ago(60), now)).toBe("1 timme");
    expect(formatElapsed(ago(23 * 60 + 59), now)).toBe("23 timmar");
    expect(formatElapsed(ago(24 * 60), now)).toBe("1 dag");
    expect(formatElapsed(ago(3 * 24 * 60 + 5), now)).toBe("3 dagar");
    expect(formatElapsed(ago(-120), now)).toBe("om 2 timmar");
  });
});
