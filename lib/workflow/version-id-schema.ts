import { z } from "zod";

/** A version's id, as every form and operation on a version takes it. */
export const versionIdSchema = z.uuid("Okänd version");

/** An operation on a version that needs nothing but the version: publish, unpublish, cancel a schedule. */
export const versionTargetSchema = z.object({ versionId: versionIdSchema });
