import v8 from "node:v8";

/**
 * How far V8 lets the old generation grow past what was live at the last full collection before it
 * collects again: GRANSKAD_HEAP_GROWTH_PERCENT, default 30 (0: V8's own choice).
 *
 * V8's own choice, on a machine with gigabytes of memory, lets the heap grow up to four times what is
 * live. A server's live heap is small (about 80 MB here), but what a slow request allocates outlives the
 * young generation: under the benchmark a search page answers in two seconds, so everything its 50
 * concurrent requests allocate reaches the old generation, which V8 then let grow past 500 MB of
 * resident memory before collecting. With 30 % it stayed near 315 MB at the same throughput (a full
 * collection of this heap takes a few milliseconds, mostly on a helper thread). Unlike a hard limit
 * (--max-old-space-size), this never turns a burst of work into an out-of-memory exit: the heap may
 * still grow as far as live data needs. V8 reads the factor at every collection, so setting it once the
 * process runs takes effect from the next one.
 */
export function heapGrowthPercentFrom(environment: Record<string, string | undefined>): number {
  const configured = environment.GRANSKAD_HEAP_GROWTH_PERCENT;
  if (configured === undefined || configured === "") return 30;
  if (!/^\d{1,3}$/.test(configured)) throw new Error("GRANSKAD_HEAP_GROWTH_PERCENT must be a whole number of percent (0 leaves the growth to V8)");
  return Number(configured);
}

export function applyHeapGrowth(percent: number): void {
  if (percent > 0) v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}
