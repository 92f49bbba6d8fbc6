import { describe, expect, it } from "vitest";
import { dateToStockholmLocal, stockholmLocalToDate } from "./stockholm-time";

describe("Swedish wall-clock time for scheduling", () => {
  it.each([
    ["2026-11-24T17:30", "2026-11-24T16:30:00.000Z"], // winter: UTC+1
    ["2026-07-01T09:05", "2026-07-01T07:05:00.000Z"], // summer: UTC+2
    ["2026-12-31T23:59", "2026-12-31T22:59:00.000Z"],
    ["2027-01-01T00:30", "2026-12-31T23:30:00.000Z"],
    ["2026-03-29T01:59", "2026-03-29T00:59:00.000Z"], // just before clocks go forward
    ["2026-03-29T03:00", "2026-03-29T01:00:00.000Z"], // just after
    ["2026-03-29T02:30", "2026-03-29T01:30:00.000Z"], // skipped hour: read as 03:30, an hour on
    ["2026-10-25T02:30", "2026-10-25T00:30:00.000Z"], // repeated hour: its first occurrence
  ])("reads %s as %s", (local, utc) => {
    expect(stockholmLocalToDate(local)?.toISOString()).toBe(utc);
  });

  it.each(["", "2026-11-24", "2026-11-24 17:30", "2026-02-30T10:00", "2026-11-24T24:00", "2026-11-24T12:60", "2026-11-24T17:30:00Z"])(
    "rejects %j",
    (local) => {
      expect(stockholmLocalToDate(local)).toBeNull();
    },
  );

  it("shows a moment as Swedish wall-clock time, and reads it back to the same minute", () => {
    const moment = new Date("2026-06-15T10:42:00.000Z");
    expect(dateToStockholmLocal(moment)).toBe("2026-06-15T12:42");
    expect(stockholmLocalToDate(dateToStockholmLocal(moment))).toEqual(moment);
  });
});
