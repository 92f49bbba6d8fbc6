import crypto from "node:crypto";

/**
 * The generation of published content this process serves. Every change a reader could see (publish,
 * unpublish, re-attest, comment moderation: ./public-content-changes.ts) advances it on every instance
 * at commit: in this process by the after-commit subscriber, in the others through PostgreSQL
 * LISTEN/NOTIFY (lib/server/public-content-listener.ts). Every in-process cache of public content (the
 * finished responses of lib/server/page-cache.ts, the reads of ./public-cache.ts) is emptied when it
 * advances, and stores something only if the generation did not move while it was being built, so
 * nothing read before a commit is kept after it.
 *
 * While `trusted` is false (the notification connection to the database is down, so another instance's
 * commit could go unnoticed) nothing is served from or stored in those caches.
 *
 * The state is on globalThis: Next.js bundles the routes and instrumentation.ts apart from the server
 * entry (scripts/serve.ts), and all of them must see one generation.
 */
type GenerationState = {
  generation: number;
  trusted: boolean;
  /** Names this process in its own notifications, so it does not flush twice for its own commit. */
  instanceId: string;
  listeners: Set<(generation: number, reason: string) => void>;
};

const holder = globalThis as unknown as { granskadPublicGeneration?: GenerationState };
const state = (holder.granskadPublicGeneration ??= {
  generation: 1,
  trusted: true,
  instanceId: crypto.randomUUID(),
  listeners: new Set(),
});

/** The PostgreSQL notification channel a committed public change is announced on. */
export const publicContentChannel = "granskad_public_content";

export function publicGeneration(): number {
  return state.generation;
}

/** Whether in-process caches of public content may be used now. */
export function publicCachesTrusted(): boolean {
  return state.trusted;
}

export function publicGenerationInstanceId(): string {
  return state.instanceId;
}

/** A committed change (here or on another instance): every cache of public content starts afresh. */
export function advancePublicGeneration(reason: string): number {
  state.generation += 1;
  for (const listener of state.listeners) listener(state.generation, reason);
  return state.generation;
}

/**
 * Whether changes made elsewhere reach this process. Losing that flushes everything (and turns the
 * caches off until it is back); regaining it flushes again, since commits may have been missed between.
 */
export function setPublicCachesTrusted(trusted: boolean, reason: string): void {
  state.trusted = trusted;
  advancePublicGeneration(reason);
}

export function onPublicGenerationAdvanced(listener: (generation: number, reason: string) => void): () => void {
  state.listeners.add(listener);
  return () => void state.listeners.delete(listener);
}

/** Milliseconds until the next UTC midnight: public content moves by day (overdue reviews, the feed's window). */
export function msUntilNextUtcDay(now: Date = new Date()): number {
  const next = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  return Math.max(1, next - now.getTime());
}
