import type { CommentStatus } from "@/lib/db/generated/enums";

export const commentStatusLabels: Record<CommentStatus, string> = {
  PENDING: "Väntar",
  APPROVED: "Godkänd",
  REJECTED: "Avvisad",
};
