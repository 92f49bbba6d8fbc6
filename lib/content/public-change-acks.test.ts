import { describe, expect, it } from "vitest";
import { publicAckTimeoutMsFrom } from "./public-change-acks";

describe("GRANSKAD_PUBLIC_ACK_TIMEOUT_MS", () => {
  it("defaults to 2000 ms, takes whole milliseconds, and 0 (no wait)", () => {
    expect(publicAckTimeoutMsFrom({})).toBe(2_000);
    expect(publicAckTimeoutMsFrom({ GRANSKAD_PUBLIC_ACK_TIMEOUT_MS: "" })).toBe(2_000);
    expect(publicAckTimeoutMsFrom({ GRANSKAD_PUBLIC_ACK_TIMEOUT_MS: "500" })).toBe(500);
    expect(publicAckTimeoutMsFrom({ GRANSKAD_PUBLIC_ACK_TIMEOUT_MS: "0" })).toBe(0);
  });

  it("refuses anything else, so a typo stops the start", () => {
    for (const value of ["-1", "2s", "1.5", " 200", "1000000"]) {
      expect(() => publicAckTimeoutMsFrom({ GRANSKAD_PUBLIC_ACK_TIMEOUT_MS: value })).toThrow(/GRANSKAD_PUBLIC_ACK_TIMEOUT_MS/);
    }
  });
});
