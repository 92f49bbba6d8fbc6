import { z } from "zod";
import { itemSchema } from "@/lib/items/item";
import { ownerLabels } from "@/lib/labels/sv";

/*
 * The inputs of the owner operations (lib/workflow/item-owner.ts), shared by the forms and the server
 * actions. Schema-only, so the forms' browser bundles stay free of database code.
 */

/** A user chosen as an item's owner; whether they may own it is the operation's check. */
export const ownerIdSchema = z.uuid(ownerLabels.mayNotOwn);

/** Hands an item to a new owner. `expectedOwnerId`: the owner the form showed; a change since is refused, not overwritten. */
export const changeItemOwnerSchema = z.object({
  item: itemSchema,
  ownerId: ownerIdSchema,
  expectedOwnerId: z.uuid().optional(),
});
export type ChangeItemOwnerFormInput = z.input<typeof changeItemOwnerSchema>;
export type ChangeItemOwnerInput = z.output<typeof changeItemOwnerSchema>;
