import { z } from "zod";
import { stockholmLocalToDate } from "./stockholm-time";

/** Publish now, unpublish, and cancelling a schedule: only the version. */
export const versionActionSchema = z.object({ versionId: z.uuid() });

/**
 * The schedule form, shared by the form (zodResolver) and its server action: the admin enters Swedish
 * wall-clock time; the action receives the moment it denotes.
 */
export const scheduleFormSchema = z.object({
  versionId: z.uuid(),
  at: z
    .string()
    .transform((local, context) => {
      const at = stockholmLocalToDate(local);
      if (!at) {
        context.addIssue({ code: "custom", message: "Ange datum och tid (ÅÅÅÅ-MM-DD TT:MM)" });
        return z.NEVER;
      }
      return at;
    })
    .refine((at) => at.getTime() > Date.now(), { message: "Tidpunkten måste ligga i framtiden" }),
});
export type ScheduleFormInput = z.input<typeof scheduleFormSchema>;
export type ScheduleFormValues = z.output<typeof scheduleFormSchema>;
