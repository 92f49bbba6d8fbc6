import type { DomainEvent, DomainEventType } from "@/lib/events/domain-events";

/**
 * The events after which a reader may see something else: what is published, its review dates (public
 * "Senast granskad" and overdue notices), and the approved comments shown with it. The public-content
 * cache (./public-cache.ts) is expired after each of these commits.
 */
const publicContentChanges = new Set<DomainEventType>(["version.published", "version.unpublished", "version.reattested", "comment.moderated", "comment.deleted"]);

export function changesPublicContent(event: DomainEvent): boolean {
  return publicContentChanges.has(event.type);
}
