import crypto from "node:crypto";
import canonicalize from "canonicalize";
import type { ArticleContent, GlossaryTermContent, RiskListContent } from "./content-schemas";

/**
 * sha256 (hex) of the RFC 8785 canonical JSON of a version's content. An approval is bound to this
 * value, so two versions with the same hash are, for a reader, the same text.
 */
export function contentHash(content: ArticleContent | RiskListContent | GlossaryTermContent): string {
  const canonical = canonicalize(content);
  if (canonical === undefined) throw new Error("content cannot be canonicalised");
  return crypto.createHash("sha256").update(canonical).digest("hex");
}
