"use client";

import { useId, useState, useTransition } from "react";
import { startEditing } from "@/lib/actions/editor-actions";
import type { Item } from "@/lib/items/item";

type Props = {
  item: Item;
  /** Start the new draft from this version (e.g. "Återställ som nytt utkast"); default: the latest version. */
  fromVersionId?: string;
  label: string;
};

/** Opens (or creates) the item's draft and goes to the editor; a refusal is shown beside the button. */
export function StartEditingButton({ item, fromVersionId, label }: Props) {
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const errorId = useId();

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFailure(null);
    startTransition(async () => {
      // On success the action redirects, so only a failure ever returns here.
      const result = await startEditing({ item, fromVersionId });
      if (!result.ok) setFailure(result.error.message);
    });
  };

  return (
    <form onSubmit={onSubmit} className="editor-start">
      <button type="submit" disabled={pending} aria-describedby={failure ? errorId : undefined}>
        {pending ? "Öppnar…" : label}
      </button>
      {failure && (
        <p id={errorId} role="alert" className="form-error">
          {failure}
        </p>
      )}
    </form>
  );
}
