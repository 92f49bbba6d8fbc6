import type { RateLimitRule } from "./rate-limiter";

/**
 * Per client address (IPv6 by its /64), for an outside expert's link (lib/external-review): every lookup
 * of a token (opening the page, whether the token exists or not) and every comment posted through one.
 * An expert reading and commenting at a normal pace stays far below them; someone guessing tokens (256
 * bits: hopeless anyway) or flooding comments is stopped. Counters live in the RateLimit table, shared by
 * every instance.
 */
export const externalReviewRateLimits = {
  lookup: { keyPrefix: "external-review:lookup", points: 60, durationSeconds: 10 * 60 },
  comment: { keyPrefix: "external-review:comment", points: 20, durationSeconds: 10 * 60 },
} satisfies Record<string, RateLimitRule>;
