"use client";

import { useActionState } from "react";
import { voteFeedbackAction } from "@/app/(public)/reader-actions";
import { feedbackSectionId, feedbackTitle } from "./article-outline";
import { idleFeedback } from "./reader-response-state";

/**
 * "Var det här till hjälp?" as a real form: without JavaScript the browser posts it and the page comes back
 * with the thank-you; with JavaScript the same action runs in place. The answer can be changed. The form
 * posts to the article's own path (`pagePath`), and the page comes back scrolled to this section.
 */
export function FeedbackForm({ articleId, pagePath }: { articleId: string; pagePath: string }) {
  const [state, formAction, pending] = useActionState(voteFeedbackAction, idleFeedback, `${pagePath}#${feedbackSectionId}`);
  const answered = state.status === "recorded" ? (state.helpful ? "ja" : "nej") : undefined;
  return (
    <section className="feedback" id={feedbackSectionId} aria-labelledby={`${feedbackSectionId}-rubrik`} data-testid="feedback">
      <h2 id={`${feedbackSectionId}-rubrik`}>{feedbackTitle}</h2>
      <form action={formAction} className="feedback-form">
        <input type="hidden" name="articleId" value={articleId} />
        <button type="submit" name="helpful" value="ja" aria-pressed={answered === "ja"} disabled={pending}>
          Ja
        </button>
        <button type="submit" name="helpful" value="nej" aria-pressed={answered === "nej"} disabled={pending}>
          Nej
        </button>
      </form>
      <p role="status" className={state.status === "failed" ? "form-error" : "feedback-thanks"}>
        {state.status === "recorded" && `Tack för ditt svar (${state.helpful ? "Ja" : "Nej"})! Du kan ändra det om du vill.`}
        {state.status === "failed" && state.message}
      </p>
    </section>
  );
}
