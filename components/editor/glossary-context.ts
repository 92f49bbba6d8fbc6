"use client";

import { createContext, useContext } from "react";
import type { GlossaryTermChoice } from "@/lib/content/reference-choices";

/** The glossary terms an article's text fields may mark (the article editor provides them). */
export const GlossaryChoicesContext = createContext<GlossaryTermChoice[]>([]);

export function useGlossaryChoices(): GlossaryTermChoice[] {
  return useContext(GlossaryChoicesContext);
}
