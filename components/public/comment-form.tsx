"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import { useForm } from "react-hook-form";
import { submitCommentAction } from "@/app/(public)/reader-actions";
import { commentLimits, submitCommentSchema } from "@/lib/comments/comment-schemas";
import { commentFormSectionId } from "./article-outline";
import { idleComment } from "./reader-response-state";

const noValues = { name: "", email: "", body: "" };

/**
 * "Lämna en kommentar". Without JavaScript the browser posts the form to the server action and the page
 * comes back with the field errors (and what was typed) or with the note that the comment awaits
 * moderation. With JavaScript the same schema checks the fields first, and the action runs in place. The
 * form posts to the article's own path (`pagePath`), and the page comes back scrolled to the form.
 */
export function CommentForm({ articleId, pagePath }: { articleId: string; pagePath: string }) {
  const [state, formAction, pending] = useActionState(submitCommentAction, idleComment, `${pagePath}#${commentFormSectionId}`);
  const formRef = useRef<HTMLFormElement>(null);
  const typed = state.status === "invalid" ? state.values : noValues;
  const { register, handleSubmit, reset, formState } = useForm({
    resolver: zodResolver(submitCommentSchema),
    defaultValues: { articleId, ...typed, webbplats: "" },
  });

  useEffect(() => {
    if (state.status === "held") reset({ articleId, ...noValues, webbplats: "" });
  }, [state, reset, articleId]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) =>
    handleSubmit(() => {
      const form = formRef.current;
      if (form) startTransition(() => formAction(new FormData(form)));
    })(event);

  const errorOf = (field: "name" | "email" | "body") =>
    formState.errors[field]?.message ?? (state.status === "invalid" ? state.fieldErrors[field]?.join(" ") : undefined);

  const fields = [
    { name: "name", label: "Namn (visas med kommentaren)", type: "text", autoComplete: "name", maxLength: commentLimits.name },
    { name: "email", label: "E-post (visas aldrig, bara för redaktionen)", type: "email", autoComplete: "email", maxLength: commentLimits.email },
  ] as const;

  return (
    <section className="comment-form-section" id={commentFormSectionId} aria-labelledby={`${commentFormSectionId}-rubrik`}>
      <h3 id={`${commentFormSectionId}-rubrik`}>Lämna en kommentar</h3>
      <p className="comment-note">Kommentarer granskas av redaktionen innan de visas. Skriv inte sådant som rör din egen hälsa som du inte vill ska synas.</p>
      {state.status === "held" && (
        <p role="status" className="comment-held" data-testid="comment-held">
          Tack! Din kommentar har skickats och visas här när redaktionen har granskat den.
        </p>
      )}
      {state.status === "invalid" && (
        <p role="alert" className="form-error">
          {state.message}
        </p>
      )}
      <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="comment-form" data-testid="comment-form">
        <input type="hidden" {...register("articleId")} value={articleId} />
        {fields.map((field) => {
          const error = errorOf(field.name);
          const id = `kommentar-${field.name}`;
          return (
            <div className="field" key={field.name}>
              <label htmlFor={id}>{field.label}</label>
              <input
                id={id}
                type={field.type}
                autoComplete={field.autoComplete}
                defaultValue={typed[field.name]}
                aria-invalid={!!error}
                aria-describedby={error ? `${id}-fel` : undefined}
                {...register(field.name)}
              />
              {error && (
                <p id={`${id}-fel`} className="field-error">
                  {error}
                </p>
              )}
            </div>
          );
        })}
        <div className="field">
          <label htmlFor="kommentar-body">Kommentar (högst {commentLimits.body} tecken)</label>
          <textarea
            id="kommentar-body"
            rows={5}
            defaultValue={typed.body}
            aria-invalid={!!errorOf("body")}
            aria-describedby={errorOf("body") ? "kommentar-body-fel" : undefined}
            {...register("body")}
          />
          {errorOf("body") && (
            <p id="kommentar-body-fel" className="field-error">
              {errorOf("body")}
            </p>
          )}
        </div>
        <div className="comment-honeypot" aria-hidden="true">
          <label htmlFor="kommentar-webbplats">Lämna det här fältet tomt</label>
          <input id="kommentar-webbplats" type="text" tabIndex={-1} autoComplete="off" {...register("webbplats")} />
        </div>
        <button type="submit" disabled={pending}>
          Skicka kommentar
        </button>
      </form>
    </section>
  );
}
