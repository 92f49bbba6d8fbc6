import { describe, expect, it } from "vitest";
import { processTreeCpuMs, processTreeRssMb, statCpuTicks, statusFieldKb } from "./bench-process-memory";

describe("process memory", () => {
  it("reads kB fields of /proc/<pid>/status", () => {
    const status = "Name:\tnode\nVmHWM:\t  204800 kB\nVmRSS:\t  102400 kB\nThreads:\t11\n";
    expect(statusFieldKb(status, "VmRSS")).toBe(102400);
    expect(statusFieldKb(status, "VmHWM")).toBe(204800);
    expect(statusFieldKb(status, "VmSwap")).toBeNull();
  });

  it("sums this process's resident memory", () => {
    expect(processTreeRssMb(process.pid)).toBeGreaterThan(10);
  });

  it("reads user and system CPU ticks from /proc/<pid>/stat, whatever the command name holds", () => {
    const stat = "4242 (next server (v16)) S 1 4242 4242 0 -1 4194560 9000 0 0 0 1234 567 0 0 20 0 11 0 100 1000000 25000";
    expect(statCpuTicks(stat)).toBe(1234 + 567);
    expect(statCpuTicks("garbage")).toBeNull();
  });

  it("counts this process's CPU time, which grows with work", () => {
    const before = processTreeCpuMs(process.pid)!;
    const until = Date.now() + 150;
    while (Date.now() < until) Math.sqrt(Math.random());
    expect(processTreeCpuMs(process.pid)!).toBeGreaterThan(before);
  });
});
