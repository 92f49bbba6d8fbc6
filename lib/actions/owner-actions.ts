"use server";

import { getDb } from "@/lib/db/client";
import { action } from "@/lib/actions/action-wrapper";
import { changeItemOwner } from "@/lib/workflow/item-owner";
import { changeItemOwnerSchema } from "@/lib/workflow/item-owner-schemas";

/** Hands an item to a new owner: any signed-in staff role gets this far; the operation lets only an admin or the current owner through. */
export const changeItemOwnerAction = action("items.changeOwner", ["EDITOR", "REVIEWER", "ADMIN"], changeItemOwnerSchema, (user, input) => changeItemOwner(getDb(), user, input));
