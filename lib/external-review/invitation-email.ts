import type { Db } from "@/lib/db/client";
import type { AfterCommitSubscriber } from "@/lib/events/domain-event-subscribers";
import { externalReviewInvitationEmail } from "@/lib/labels/sv";
import { logUnexpectedError } from "@/lib/http/log-unexpected-error";
import { mailerFromEnvironment, type Mailer } from "@/lib/notifications/mailer";

/** Attempts at sending an invitation, and the pause before each retry. */
const retryDelaysMs = [0, 1_000, 3_000];

/**
 * After an invitation commits, e-mails the link to the expert through the notifications' mailer (SMTP,
 * or the outbox folder when SMTP_URL is unset) and records when it went. The link's token is never
 * stored (only its hash), so this cannot be a queued job that a later process retries: it is sent here,
 * from the event that carries the link, with a few quick retries. If it still fails, the invitation's row
 * says the e-mail was not sent, and the inviter, who was shown the link once, passes it on themselves.
 */
export function invitationEmailSubscriber(db: () => Db, mailer: () => Mailer = () => mailerFromEnvironment()): AfterCommitSubscriber {
  return async (event) => {
    if (event.type !== "external_review.invited") return;
    const invitation = await db().externalReviewInvitation.findUniqueOrThrow({
      where: { id: event.invitationId },
      include: { invitedBy: { select: { name: true } }, version: { select: { title: true, number: true } } },
    });
    const { subject, text } = externalReviewInvitationEmail({
      expertName: invitation.expertName,
      inviterName: invitation.invitedBy.name,
      title: invitation.version.title,
      number: invitation.version.number,
      url: event.link,
      expiresAt: invitation.expiresAt,
    });
    let lastError: unknown;
    for (const delay of retryDelaysMs) {
      if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
      try {
        await mailer().send({ to: invitation.expertEmail, subject, text, messageId: `<external-review-${invitation.id}@granskad>` });
        await db().externalReviewInvitation.update({ where: { id: invitation.id }, data: { emailSentAt: new Date() } });
        return;
      } catch (error) {
        lastError = error;
      }
    }
    // Logged without the link: the error is the transport's.
    logUnexpectedError(lastError, { subscriber: "external review invitation e-mail", invitationId: invitation.id });
  };
}
