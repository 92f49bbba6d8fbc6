import { z } from "zod";
import { stockholmLocalToDate } from "./stockholm-time";
import { versionIdSchema } from "./version-id-schema";

/*
 * The inputs of publishing (lib/workflow/publish-versions.ts, lib/workflow/schedule-versions.ts), shared by
 * the admin's publishing controls and the server actions. Publishing now, unpublishing and cancelling a
 * schedule take only the version: lib/workflow/version-id-schema.ts's `versionTargetSchema`.
 */

/**
 * Scheduling a publish or an unpublish. The admin enters Swedish wall-clock time (what a
 * `datetime-local` field sends); the schema turns it into the moment it denotes, which the operation
 * takes, and refuses a moment that has passed.
 */
export const scheduleReleaseSchema = z.object({
  versionId: versionIdSchema,
  at: z
    .string("Ange datum och tid (ÅÅÅÅ-MM-DD TT:MM)")
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
export type ScheduleReleaseFormInput = z.input<typeof scheduleReleaseSchema>;
export type ScheduleReleaseInput = z.output<typeof scheduleReleaseSchema>;
