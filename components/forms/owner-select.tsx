import type { UseFormRegisterReturn } from "react-hook-form";
import type { PossibleOwner } from "@/lib/auth/item-owners";
import { FormField, fieldAria } from "./form-field";

/** The choice of an item's responsible owner: everyone who may own it (an active editor or reviewer). */
export function OwnerSelect({
  label,
  hint,
  field,
  error,
  possibleOwners,
  placeholder,
}: {
  label: string;
  hint?: string;
  field: UseFormRegisterReturn<"ownerId">;
  error: string | undefined;
  possibleOwners: PossibleOwner[];
  /** An empty first choice, when the current value is nobody who may own the item. */
  placeholder?: string;
}) {
  return (
    <FormField id="ownerId" label={label} hint={hint} error={error}>
      <select {...fieldAria("ownerId", error, hint !== undefined)} {...field}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {possibleOwners.map((owner) => (
          <option key={owner.id} value={owner.id}>
            {owner.title ? `${owner.name}, ${owner.title}` : owner.name}
          </option>
        ))}
      </select>
    </FormField>
  );
}
