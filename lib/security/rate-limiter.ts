import ipaddr from "ipaddr.js";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "@/lib/db/client";

export type RateLimitRule = { keyPrefix: string; points: number; durationSeconds: number };

/**
 * A limiter whose counters live in the RateLimit table, so every app instance shares them.
 * `clearExpiredByTimeout` is off: expired rows are replaced on their next use, and a background timer
 * would keep short-lived processes (CLI, tests) alive.
 */
export function createRateLimiter(db: Db, rule: RateLimitRule): RateLimiterPrisma {
  return new RateLimiterPrisma({
    storeClient: db,
    tableName: "rateLimit",
    keyPrefix: rule.keyPrefix,
    points: rule.points,
    duration: rule.durationSeconds,
    clearExpiredByTimeout: false,
  });
}

/** Consumes one point; returns the seconds to wait when the limit is exhausted, else undefined. */
export async function consumePoint(limiter: RateLimiterPrisma, key: string): Promise<number | undefined> {
  try {
    await limiter.consume(key);
    return undefined;
  } catch (result) {
    if (result instanceof RateLimiterRes) return Math.max(1, Math.ceil(result.msBeforeNext / 1000));
    throw result;
  }
}

/** Seconds to wait when `key` has used up its points (without consuming one), else undefined. */
export async function secondsBlocked(limiter: RateLimiterPrisma, key: string): Promise<number | undefined> {
  const state = await limiter.get(key);
  if (state && state.consumedPoints >= limiter.points) return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
  return undefined;
}

/** Consumes one point and says how many `key` has used in the current window (the first is 1). */
export async function consumeAndCount(limiter: RateLimiterPrisma, key: string): Promise<number> {
  try {
    return (await limiter.consume(key)).consumedPoints;
  } catch (result) {
    if (result instanceof RateLimiterRes) return result.consumedPoints;
    throw result;
  }
}

/**
 * The throttling key for a client address: an IPv4 address as it is, an IPv6 address by its /64 (one
 * subscriber's network: a client there can change its own address at will, so per-address limits would
 * not hold otherwise). "unknown" stays "unknown".
 */
export function addressThrottleKey(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === "ipv4") return parsed.toString();
  return `${ipaddr.IPv6.networkAddressFromCIDR(`${parsed.toString()}/64`).toString()}/64`;
}
