import type { Db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { fail, ok, type DomainResult } from "@/lib/errors/domain-result";
import { reviewerGrant } from "./account-provenance";
import { hashPassword } from "./password";
import type { CreateUserInput } from "./user-schemas";

/**
 * Creates a user with a hashed password, audited in the same transaction; refuses a taken e-mail.
 * `actorId` is the admin creating it (null: the operator), recorded as the account's creator.
 */
export async function createUser(db: Db, input: CreateUserInput, actorId: string | null): Promise<DomainResult<{ id: string; email: string }>> {
  const { password, ...user } = input;
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: user.email } })) {
      return fail({ kind: "conflict", message: `Det finns redan en användare med e-postadressen ${user.email}` });
    }
    // Who created the account and who gave it the reviewer role are kept: four-eyes refuses an approval
    // through an account the version's author made (lib/auth/account-provenance.ts).
    const created = await tx.user.create({ data: { ...user, passwordHash, createdById: actorId, ...reviewerGrant([], user.roles, actorId, new Date()) } });
    await recordAuditEvent(tx, {
      actorId,
      action: "user.created",
      entityType: "user",
      entityId: created.id,
      data: { email: created.email, roles: created.roles, clinician: created.clinician, createdById: actorId },
    });
    return ok({ id: created.id, email: created.email });
  });
}
