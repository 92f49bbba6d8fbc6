/**
 * Scheduled times are entered and shown as Swedish wall-clock time (Europe/Stockholm), whatever the
 * time zone of the admin's browser or of the server, in the `YYYY-MM-DDTHH:mm` form of
 * `<input type="datetime-local">`.
 */
export const stockholmTimeZone = "Europe/Stockholm";

const wallClock = new Intl.DateTimeFormat("en-CA", {
  timeZone: stockholmTimeZone,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

function wallClockParts(moment: Date): Record<"year" | "month" | "day" | "hour" | "minute" | "second", number> {
  const parts = Object.fromEntries(wallClock.formatToParts(moment).map((part) => [part.type, part.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** How far Stockholm's clock is ahead of UTC at `moment`, in milliseconds (1 h in winter, 2 h in summer). */
function stockholmOffsetMs(moment: Date): number {
  const p = wallClockParts(moment);
  const wallAsUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wallAsUtc - Math.floor(moment.getTime() / 1000) * 1000;
}

export const stockholmLocalPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * The moment a Swedish wall-clock time denotes, or null if it is not a valid `YYYY-MM-DDTHH:mm`.
 * A time that does not exist (the hour skipped when clocks go forward in March) is read an hour on
 * (02:30 as 03:30), as JavaScript's Temporal does by default; a time that occurs twice (the repeated
 * hour in October) as its first occurrence.
 */
export function stockholmLocalToDate(local: string): Date | null {
  const match = stockholmLocalPattern.exec(local);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(wallAsUtc);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) return null;
  const earlier = wallAsUtc - stockholmOffsetMs(new Date(wallAsUtc - 3 * 60 * 60 * 1000));
  const later = wallAsUtc - stockholmOffsetMs(new Date(wallAsUtc + 3 * 60 * 60 * 1000));
  const candidates = [earlier, later].sort((a, b) => a - b).filter((candidate) => dateToStockholmLocal(new Date(candidate)) === local);
  return new Date(candidates[0] ?? Math.max(earlier, later));
}

/** A moment as Swedish wall-clock time in `YYYY-MM-DDTHH:mm`, for a datetime-local input. */
export function dateToStockholmLocal(moment: Date): string {
  const p = wallClockParts(moment);
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}
