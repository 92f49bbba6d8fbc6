import type { RateLimitRule } from "./rate-limiter";

/**
 * Per client address, for the public reader forms. Counters live only in the RateLimit table (keyed by
 * the address, expiring with the window); nothing about the address is stored with a vote or a comment.
 */
export const readerRateLimits = {
  feedback: { keyPrefix: "feedback:address", points: 30, durationSeconds: 10 * 60 },
  comment: { keyPrefix: "comment:address", points: 10, durationSeconds: 10 * 60 },
} satisfies Record<string, RateLimitRule>;

/** The reader's message when an address has used up its points. */
export function tooManyAttemptsMessage(secondsToWait: number): string {
  const minutes = Math.max(1, Math.ceil(secondsToWait / 60));
  return `Du har skickat många svar på kort tid. Försök igen om ${minutes} ${minutes === 1 ? "minut" : "minuter"}.`;
}
