import { externalReviewLabels } from "@/lib/labels/sv";
import type { ExternalReviewRefusal } from "./expert-access";

const headings: Record<ExternalReviewRefusal["kind"], string> = {
  unknown: "Länken finns inte",
  expired: "Länken har gått ut",
  revoked: "Länken har återkallats",
  rateLimited: "För många försök",
};

function messageOf(refusal: ExternalReviewRefusal): string {
  if (refusal.kind === "rateLimited") return externalReviewLabels.rateLimited(Math.max(1, Math.ceil(refusal.secondsToWait / 60)));
  return externalReviewLabels[refusal.kind];
}

/**
 * The whole page an expert's link answers with when it opens nothing: 404 (no such link), 410 (expired
 * or revoked) or 429 (too many lookups from the address), answered by proxy.ts before anything renders
 * or is written. Static Swedish text only: nothing of the request is echoed back.
 */
export function externalReviewRefusalPage(refusal: ExternalReviewRefusal): { status: number; html: string; retryAfterSeconds?: number } {
  const heading = headings[refusal.kind];
  const html = `<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${heading} – Granskad</title>
</head>
<body>
<main id="innehall">
<h1>${heading}</h1>
<p data-testid="external-review-refusal">${messageOf(refusal)}</p>
<p>Extern granskning i Granskad kräver en giltig länk från redaktionen. Länken gäller bara en version och en begränsad tid.</p>
</main>
</body>
</html>
`;
  return { status: refusal.status, html, ...(refusal.kind === "rateLimited" ? { retryAfterSeconds: refusal.secondsToWait } : {}) };
}
