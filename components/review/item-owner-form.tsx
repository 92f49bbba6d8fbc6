"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { changeItemOwnerAction } from "@/lib/actions/owner-actions";
import type { PossibleOwner } from "@/lib/auth/item-owners";
import type { Item } from "@/lib/items/item";
import { ownerLabels } from "@/lib/labels/sv";
import { changeItemOwnerSchema, type ChangeItemOwnerFormInput } from "@/lib/workflow/item-owner-schemas";
import { FormErrors } from "@/components/forms/form-field";
import { OwnerSelect } from "@/components/forms/owner-select";
import { applyServerFieldErrors } from "@/components/forms/server-field-errors";

/**
 * "Byt ansvarig" on the item page, for an admin or the current owner: a choice of everyone who may own the
 * item. The owner the page showed goes along, so a change made by someone else meanwhile is refused.
 */
export function ItemOwnerForm({ item, currentOwnerId, possibleOwners }: { item: Item; currentOwnerId: string; possibleOwners: PossibleOwner[] }) {
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const choosable = possibleOwners.some((owner) => owner.id === currentOwnerId);
  const { register, handleSubmit, setError, formState } = useForm<ChangeItemOwnerFormInput, unknown, z.output<typeof changeItemOwnerSchema>>({
    resolver: zodResolver(changeItemOwnerSchema),
    defaultValues: { item, ownerId: choosable ? currentOwnerId : "", expectedOwnerId: currentOwnerId },
  });
  const error = formState.errors.ownerId?.message;

  const onSubmit = handleSubmit(async (input) => {
    setSaved(false);
    setFormErrors([]);
    const result = await changeItemOwnerAction(input);
    if (!result.ok) {
      setFormErrors(applyServerFieldErrors(result.error, setError, (path) => path === "ownerId"));
      return;
    }
    setSaved(true);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="form" data-testid="item-owner-form">
      <FormErrors messages={formErrors} />
      <OwnerSelect label={ownerLabels.change} field={register("ownerId")} error={error} possibleOwners={possibleOwners} placeholder={choosable ? undefined : ownerLabels.choose} />
      <div role="status">{saved && <p className="users-saved">{ownerLabels.saved}</p>}</div>
      <button type="submit" disabled={formState.isSubmitting}>
        {ownerLabels.save}
      </button>
    </form>
  );
}
