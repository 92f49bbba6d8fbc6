import { z } from "zod";

/** A reader's answer to "Var det här till hjälp?": the article, and which of the two buttons was pressed. */
export const feedbackVoteSchema = z.object({
  articleId: z.uuid("Okänd artikel"),
  helpful: z.enum(["ja", "nej"], "Välj Ja eller Nej"),
});

export type FeedbackVoteInput = z.infer<typeof feedbackVoteSchema>;
