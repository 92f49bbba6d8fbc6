import fs from "node:fs";

/**
 * Resident memory of a process and everything it started (`next start` runs its server in a child
 * process), read from Linux's /proc. Returns null where there is no /proc.
 */

/** The kB figure of one field (VmRSS, VmHWM) of /proc/<pid>/status. */
export function statusFieldKb(status: string, field: string): number | null {
  const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB$`, "m").exec(status);
  return match ? Number(match[1]) : null;
}

function readOrNull(file: string): string | null {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

function childPids(pid: number): number[] {
  const tasks = fs.existsSync(`/proc/${pid}/task`) ? fs.readdirSync(`/proc/${pid}/task`) : [];
  return tasks.flatMap((task) =>
    (readOrNull(`/proc/${pid}/task/${task}/children`) ?? "")
      .split(/\s+/)
      .filter(Boolean)
      .map(Number),
  );
}

export function processTree(pid: number): number[] {
  return [pid, ...childPids(pid).flatMap(processTree)];
}

/** Sum of VmRSS over the tree, in MB; null without /proc. */
export function processTreeRssMb(pid: number): number | null {
  if (!fs.existsSync("/proc/self/status")) return null;
  const kb = processTree(pid).reduce((sum, member) => sum + (statusFieldKb(readOrNull(`/proc/${member}/status`) ?? "", "VmRSS") ?? 0), 0);
  return kb / 1024;
}

/** Samples the tree's RSS every `intervalMs` until stopped; `stop` returns the highest sample. */
export function sampleProcessTreeRss(pid: number, intervalMs = 200): { stop: () => number | null } {
  let peak: number | null = null;
  const sample = () => {
    const rss = processTreeRssMb(pid);
    if (rss !== null) peak = Math.max(peak ?? 0, rss);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}

/** User plus system CPU time of one process, in clock ticks, from the text of /proc/<pid>/stat. */
export function statCpuTicks(stat: string): number | null {
  // The command name (field 2) is in parentheses and may hold spaces; the fields after it are plain.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const [utime, stime] = [Number(fields[11]), Number(fields[12])];
  return Number.isFinite(utime) && Number.isFinite(stime) ? utime + stime : null;
}

/** Linux's USER_HZ: /proc reports CPU time in hundredths of a second on every common architecture. */
const ticksPerSecond = 100;

/** CPU time (user + system) used so far by the tree, in ms; null without /proc. */
export function processTreeCpuMs(pid: number): number | null {
  if (!fs.existsSync("/proc/self/stat")) return null;
  const ticks = processTree(pid).reduce((sum, member) => sum + (statCpuTicks(readOrNull(`/proc/${member}/stat`) ?? "") ?? 0), 0);
  return (ticks * 1000) / ticksPerSecond;
}
