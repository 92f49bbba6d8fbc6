import type { ReactNode } from "react";

/** Nesting depth of a heading in the page outline: the page title is 1. */
export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

export function nextHeadingLevel(level: HeadingLevel): HeadingLevel {
  return level === 6 ? 6 : ((level + 1) as HeadingLevel);
}

export function Heading({ level, id, children }: { level: HeadingLevel; id?: string; children: ReactNode }) {
  const Tag = `h${level}` as const;
  return <Tag id={id}>{children}</Tag>;
}
