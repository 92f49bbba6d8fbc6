"use client";

import { useState } from "react";
import type { FieldValues, Path, PathValue, UseFormReturn } from "react-hook-form";
import { suggestSlug } from "@/lib/content/slug-suggestion";

type WithTitleAndSlug = FieldValues & { title: string; slug: string };

/**
 * A new item's address follows its title (suggestSlug) until the editor writes an address of their
 * own; emptying the address, or typing the suggestion itself, lets it follow the title again.
 * Returns the title's and the address's registrations.
 */
export function useSuggestedSlug<Values extends WithTitleAndSlug, Output>(form: UseFormReturn<Values, unknown, Output>) {
  const [follows, setFollows] = useState(true);
  const title = "title" as Path<Values>;
  const slug = "slug" as Path<Values>;
  return {
    title: form.register(title, {
      onChange: (event: { target: { value: string } }) => {
        if (!follows) return;
        form.setValue(slug, suggestSlug(event.target.value) as PathValue<Values, Path<Values>>, {
          shouldDirty: true,
          // Once the form was sent, the address's error follows its new value.
          shouldValidate: form.formState.isSubmitted,
        });
      },
    }),
    slug: form.register(slug, {
      onChange: (event: { target: { value: string } }) => {
        const typed = event.target.value.trim();
        setFollows(typed === "" || typed === suggestSlug(form.getValues(title)));
      },
    }),
  };
}
