"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { deleteCommentAction, moderateCommentAction } from "@/lib/actions/moderation-actions";
import type { ActionResult } from "@/lib/actions/action-wrapper";
import type { CommentStatus } from "@/lib/db/generated/enums";

/** Approve, reject or delete one comment; deleting asks for a second click. */
export function ModerationButtons({ commentId, status }: { commentId: string; status: CommentStatus }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<string | null>(null);
  const [confirmingDelete, setConfirmingDelete] = useState(false);

  const run = (call: () => Promise<ActionResult<{ id: string }>>) =>
    startTransition(async () => {
      setFailure(null);
      const result = await call();
      if (!result.ok) setFailure(result.error.message);
      router.refresh();
    });

  return (
    <div className="moderation-buttons">
      {status !== "APPROVED" && (
        <button type="button" disabled={pending} onClick={() => run(() => moderateCommentAction({ commentId, decision: "APPROVED" }))}>
          Godkänn
        </button>
      )}
      {status !== "REJECTED" && (
        <button type="button" disabled={pending} onClick={() => run(() => moderateCommentAction({ commentId, decision: "REJECTED" }))}>
          Avvisa
        </button>
      )}
      {confirmingDelete ? (
        <button type="button" className="moderation-delete" disabled={pending} onClick={() => run(() => deleteCommentAction({ commentId }))}>
          Bekräfta radering
        </button>
      ) : (
        <button type="button" disabled={pending} onClick={() => setConfirmingDelete(true)}>
          Radera
        </button>
      )}
      {failure && (
        <p role="alert" className="form-error">
          {failure}
        </p>
      )}
    </div>
  );
}
