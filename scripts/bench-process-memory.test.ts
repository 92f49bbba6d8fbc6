import { describe, expect, it } from "vitest";
import { processTreeRssMb, statusFieldKb } from "./bench-process-memory";

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
});
