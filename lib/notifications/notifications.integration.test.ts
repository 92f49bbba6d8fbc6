import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { jobQueueNames } from "@/lib/queue/job-queue";
import { startDraft } from "@/lib/workflow/draft-versions";
import { publishVersion } from "@/lib/workflow/publish-versions";
import { addReviewComment, approveVersion, requestChanges, submitForReview } from "@/lib/workflow/review-versions";
import { approvedRiskListVersion, fullReviewChecklist } from "@/test/integration/editorial-fixtures";
import { openTestKit, type TestKit, type TestUser } from "@/test/integration/test-kit";
import { waitFor } from "@/test/integration/wait-for";
import { mailerFromEnvironment, type Mailer } from "./mailer";
import { markAllNotificationsRead, markNotificationRead, unreadNotificationCount, updateNotificationPreferences } from "./notification-inbox";
import { notificationPreferencesSchema } from "./notification-schemas";
import { sendNotificationEmailBatch, startNotificationWorkers } from "./notification-workers";
import { notify } from "./notify";
import { checkReviewsDue } from "./review-due-check";
import { sendDailyDigests, sendNotificationEmail } from "./send-notification-email";

/*
 * Who is told what, end to end: operations emit their domain events, the wired subscriber records the
 * notifications and queues their e-mails in the same transaction, the worker sends them through a real
 * SMTP server started here (smtp-server), and the messages it receives are parsed and checked.
 */

const baseUrl = "https://granskad.test";
const from = "Granskad redaktion <redaktion@granskad.test>";

let kit: TestKit;
let db: Db;
let users: Record<"editor" | "reviewer" | "admin" | "secondReviewer" | "secondAdmin", TestUser>;
let smtp: { received: ParsedMail[]; close: () => Promise<void>; port: number };
let mailer: Mailer;
/** Four seeded risk lists, one per stage of the tests below. */
let lists: [string, string, string, string];
const previousBaseUrl = process.env.PUBLIC_BASE_URL;

async function startSmtpServer() {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return { received, port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const mailsTo = (user: TestUser) => smtp.received.filter((mail) => addressesOf(mail).includes(user.email));
function addressesOf(mail: ParsedMail): string[] {
  const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
  return to.flatMap((group) => group.value.map((address) => address.address ?? ""));
}
const notificationsOf = (user: TestUser) => db.notification.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" } });
const queuedEmails = () => db.notification.count({ where: { emailStatus: "QUEUED" } });

async function submittedRiskListDraft(slug: string) {
  const list = await db.riskList.findFirstOrThrow({ where: { slug } });
  const draft = await startDraft(db, users.editor, { item: { kind: "riskList", id: list.id } });
  if (!draft.ok) throw new Error(draft.failure.message);
  const submitted = await submitForReview(db, users.editor, { versionId: draft.value.id, baseRevision: draft.value.revision, changeNote: "Kontroll", readerNote: "Genomläst" });
  if (!submitted.ok) throw new Error(submitted.failure.message);
  return submitted.value;
}

beforeAll(async () => {
  process.env.PUBLIC_BASE_URL = baseUrl;
  kit = await openTestKit({ name: "notifications", startJobQueue: true });
  db = kit.db;
  users = {
    ...kit.users,
    secondReviewer: await kit.createUser("reviewer2", ["REVIEWER"], { name: "Andra Granskaren" }),
    secondAdmin: await kit.createUser("admin2", ["ADMIN"]),
  };
  lists = (await db.riskList.findMany({ orderBy: { slug: "asc" }, take: 4 })).map((list) => list.slug) as typeof lists;
  smtp = await startSmtpServer();
  mailer = mailerFromEnvironment({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, GRANSKAD_MAIL_FROM: from });
  await startNotificationWorkers(await kit.jobQueue(), db, { mailer, pollingIntervalSeconds: 1 });
});

afterAll(async () => {
  await kit?.close();
  await smtp?.close();
  if (previousBaseUrl === undefined) delete process.env.PUBLIC_BASE_URL;
  else process.env.PUBLIC_BASE_URL = previousBaseUrl;
});

describe("who is told what, by an in-app notification and one e-mail each", () => {
  it("a submission tells every reviewer (not its author) in Swedish, with an absolute link to the version's review screen", async () => {
    const version = await submittedRiskListDraft(lists[0]);
    const link = `${baseUrl}/admin/versioner/${version.id}`;
    await waitFor(async () => smtp.received.length, (count) => count >= 2);
    for (const reviewer of [users.reviewer, users.secondReviewer]) {
      const [mail, ...more] = mailsTo(reviewer);
      expect(more).toEqual([]);
      expect(mail?.subject).toBe(`Att granska: "${version.title}", version ${version.number}`);
      expect(mail?.from?.value).toEqual([{ name: "Granskad redaktion", address: "redaktion@granskad.test" }]);
      expect(mail?.text).toContain(`${users.editor.name} har skickat "${version.title}", version ${version.number} till granskning.`);
      expect(mail?.text).toContain(`Gå vidare här:\n${link}`);
      const [notification] = await notificationsOf(reviewer);
      expect(notification).toMatchObject({ kind: "REVIEW_REQUESTED", linkPath: `/admin/versioner/${version.id}`, readAt: null, emailStatus: "SENT" });
    }
    expect(mailsTo(users.editor)).toEqual([]);
    expect(await notificationsOf(users.editor)).toEqual([]);
    expect(await notificationsOf(users.admin)).toEqual([]);
  });

  it("changes requested → the authors; approved → the admins; published → the authors and the approving reviewer; a comment → the authors", async () => {
    const returned = await submittedRiskListDraft(lists[1]);
    expect((await requestChanges(db, users.reviewer, { versionId: returned.id, comment: "Lägg till källa" })).ok).toBe(true);
    const inReview = await db.contentVersion.findFirstOrThrow({ where: { status: "IN_REVIEW", riskList: { slug: lists[0] } } });
    expect((await addReviewComment(db, users.reviewer, { versionId: inReview.id, body: "Se över frekvensen" })).ok).toBe(true);
    const approved = await approvedRiskListVersion(db, { editor: users.editor, reviewer: users.secondReviewer }, lists[2]);
    expect((await publishVersion(db, users.admin, { versionId: approved.id })).ok).toBe(true);

    await waitFor(queuedEmails, (count) => count === 0);
    const kinds = async (user: TestUser) => (await notificationsOf(user)).map((notification) => notification.kind);
    expect(await kinds(users.editor)).toEqual(["CHANGES_REQUESTED", "REVIEW_COMMENT", "PUBLISHED"]);
    expect(await kinds(users.admin)).toEqual(["APPROVED"]);
    expect(await kinds(users.secondAdmin)).toEqual(["APPROVED"]);
    expect((await kinds(users.secondReviewer)).filter((kind) => kind !== "REVIEW_REQUESTED")).toEqual(["PUBLISHED"]);
    // The one who published is not told that they did.
    expect((await notificationsOf(users.admin)).some((notification) => notification.kind === "PUBLISHED")).toBe(false);
    // One e-mail per event; the worker sends a fetched batch of them, in no promised order.
    expect(mailsTo(users.editor).map((mail) => mail.subject).sort()).toEqual(
      [
        `Ändringar begärda: "${returned.title}", version ${returned.number}`,
        `Ny granskningskommentar: "${inReview.title}", version ${inReview.number}`,
        `Publicerad: "${approved.title}", version ${approved.number}`,
      ].sort(),
    );
  });

  it("tells each person once per event: a repeated event, a re-run job and a retry after a failed send", async () => {
    const [first] = await db.notification.findMany({ where: { kind: "APPROVED", userId: users.admin.id } });
    const before = smtp.received.length;
    const again = await db.$transaction((tx) =>
      notify(tx, kit.jobQueue, {
        kind: "APPROVED",
        eventKey: first!.eventKey,
        subject: { versionId: first!.linkPath.split("/").pop()! },
        facts: { title: "x", number: 1, actorName: null },
        linkPath: first!.linkPath,
        actorId: null,
      }),
    );
    expect(again).toEqual([]);
    expect(await sendNotificationEmail(db, first!.id, mailer)).toEqual({ kind: "skipped", reason: "e-mail is SENT" });
    expect(smtp.received.length).toBe(before);

    // A send that fails leaves the e-mail queued (pg-boss retries the job); the retry sends it once.
    const failing: Mailer = { describe: "failing", send: async () => Promise.reject(new Error("421 try again later")) };
    const pending = await db.notification.create({
      data: { userId: users.editor.id, kind: "REVIEW_COMMENT", eventKey: "test:retry", subject: "Försök igen", body: "Text", linkPath: "/admin", emailStatus: "QUEUED" },
    });
    await expect(sendNotificationEmail(db, pending.id, failing)).rejects.toThrow("421");
    expect((await db.notification.findUniqueOrThrow({ where: { id: pending.id } })).emailStatus).toBe("QUEUED");
    expect(await sendNotificationEmail(db, pending.id, mailer)).toEqual({ kind: "sent" });
    await waitFor(async () => mailsTo(users.editor).filter((mail) => mail.subject === "Försök igen").length, (count) => count >= 1);
    expect(mailsTo(users.editor).filter((mail) => mail.subject === "Försök igen")).toHaveLength(1);
    const jobs = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${jobQueueNames.notificationEmail} AND data->>'notificationId' = ${first!.id}`;
    expect(jobs[0]?.n).toBe(1);
  });
});

describe("a batch of e-mails (the worker fetches many per poll)", () => {
  it("sends every e-mail of a batch even when one fails, then fails the batch; its retry sends only the failed one", async () => {
    const recipients = [users.editor, users.reviewer, users.admin];
    const pending = await Promise.all(
      recipients.map((user, index) =>
        db.notification.create({
          data: { userId: user.id, kind: "REVIEW_COMMENT", eventKey: `test:batch:${index}`, subject: `Sats ${index}`, body: "Text", linkPath: "/admin", emailStatus: "QUEUED" },
        }),
      ),
    );
    const jobs = pending.map((notification) => ({ data: { notificationId: notification.id } }));
    const sentTo: string[] = [];
    const refusingTheReviewer: Mailer = {
      describe: "refuses the reviewer",
      send: async (message) => {
        if (message.to === users.reviewer.email) throw new Error("450 mailbox busy");
        sentTo.push(message.to);
      },
    };
    await expect(sendNotificationEmailBatch(db, jobs, refusingTheReviewer)).rejects.toThrow(pending[1]!.id);
    expect(sentTo).toEqual([users.editor.email, users.admin.email]);
    const statuses = async () =>
      Object.fromEntries((await db.notification.findMany({ where: { id: { in: pending.map((notification) => notification.id) } } })).map((n) => [n.subject, n.emailStatus]));
    expect(await statuses()).toEqual({ "Sats 0": "SENT", "Sats 1": "QUEUED", "Sats 2": "SENT" });

    const retried: string[] = [];
    await sendNotificationEmailBatch(db, jobs, { describe: "accepts", send: async (message) => void retried.push(message.to) });
    expect(retried).toEqual([users.reviewer.email]);
    expect((await statuses())["Sats 1"]).toBe("SENT");
  });
});

describe("preferences", () => {
  it("a daily digest gathers what waited, e-mail off sends nothing, and the bell has them all", async () => {
    expect((await updateNotificationPreferences(db, users.reviewer, { preferences: { REVIEW_REQUESTED: "DAILY_DIGEST" } })).ok).toBe(true);
    expect((await updateNotificationPreferences(db, users.secondReviewer, { preferences: { REVIEW_REQUESTED: "OFF" } })).ok).toBe(true);
    const before = { reviewer: mailsTo(users.reviewer).length, second: mailsTo(users.secondReviewer).length };
    const version = await submittedRiskListDraft(lists[3]);
    const unread = await unreadNotificationCount(db, users.reviewer);
    expect(await db.notification.findFirst({ where: { userId: users.reviewer.id, linkPath: `/admin/versioner/${version.id}` } })).toMatchObject({ emailStatus: "DIGEST" });
    expect(await db.notification.findFirst({ where: { userId: users.secondReviewer.id, linkPath: `/admin/versioner/${version.id}` } })).toMatchObject({ emailStatus: "OFF" });

    expect(await sendDailyDigests(db, mailer)).toEqual({ sent: 1 });
    await waitFor(async () => mailsTo(users.reviewer).length, (count) => count > before.reviewer);
    const digest = mailsTo(users.reviewer).at(-1)!;
    expect(digest.subject).toBe("Granskad: 1 avisering sedan i går");
    expect(digest.text).toContain(`${baseUrl}/admin/versioner/${version.id}`);
    expect(await sendDailyDigests(db, mailer)).toEqual({ sent: 0 });
    expect(mailsTo(users.secondReviewer)).toHaveLength(before.second);
    expect(await unreadNotificationCount(db, users.reviewer)).toBe(unread);
  });

  it("an overdue escalation cannot be turned off: the schema refuses, and so does the database", async () => {
    expect(notificationPreferencesSchema.safeParse({ preferences: { REVIEW_ESCALATED: "OFF" } }).success).toBe(false);
    expect(notificationPreferencesSchema.safeParse({ preferences: { REVIEW_ESCALATED: "DAILY_DIGEST", REVIEW_DUE_SOON: "OFF" } }).success).toBe(true);
    expect(await updateNotificationPreferences(db, users.admin, { preferences: { REVIEW_DUE_SOON: "OFF" } })).toMatchObject({ ok: true });
    await expect(db.notificationPreference.create({ data: { userId: users.admin.id, kind: "REVIEW_ESCALATED", delivery: "OFF" } })).rejects.toThrow();
  });
});

describe("the bell: unread count and marking read", () => {
  it("marks one or all as read, only one's own", async () => {
    const unread = await unreadNotificationCount(db, users.editor);
    expect(unread).toBeGreaterThan(1);
    const [first] = await db.notification.findMany({ where: { userId: users.editor.id, readAt: null } });
    expect(await markNotificationRead(db, users.admin, { notificationId: first!.id })).toMatchObject({ ok: false, failure: { kind: "not_found" } });
    expect(await unreadNotificationCount(db, users.editor)).toBe(unread);
    expect(await markNotificationRead(db, users.editor, { notificationId: first!.id })).toMatchObject({ ok: true });
    expect(await unreadNotificationCount(db, users.editor)).toBe(unread - 1);
    const adminUnread = await unreadNotificationCount(db, users.admin);
    expect(await markAllNotificationsRead(db, users.editor, { shownAt: new Date() })).toMatchObject({ ok: true, value: { count: unread - 1 } });
    expect(await unreadNotificationCount(db, users.editor)).toBe(0);
    expect(await unreadNotificationCount(db, users.admin)).toBe(adminUnread);
  });
});

describe("the daily review-due check", () => {
  it("due within 30 days → the last reviewer; overdue → again; past the grace period → every admin too; never twice", async () => {
    // A version reviewed three years ahead, well apart from the seed's dates (a year after seeding).
    const day = 24 * 60 * 60 * 1000;
    const slug = (await db.riskList.findMany({ orderBy: { slug: "asc" }, skip: 4, take: 1 }))[0]!.slug;
    const submitted = await submittedRiskListDraft(slug);
    const threeYears = new Date(Date.now() + 3 * 365 * day);
    const approved = await approveVersion(db, users.secondReviewer, { checklist: fullReviewChecklist, versionId: submitted.id, contentHash: submitted.contentHash!, nextReviewDue: threeYears });
    if (!approved.ok) throw new Error(approved.failure.message);
    expect((await publishVersion(db, users.admin, { versionId: submitted.id })).ok).toBe(true);
    const published = await db.contentVersion.findUniqueOrThrow({ where: { id: submitted.id } });
    const due = published.nextReviewDue!;
    const queue = kit.jobQueue;
    expect(await db.contentVersion.count({ where: { status: "PUBLISHED", id: { not: published.id }, nextReviewDue: { gte: new Date(due.getTime() - 40 * day) } } })).toBe(0);

    // Three years on, the seed's versions are long overdue: the first run tells about them (and not yet
    // about this one); every later run tells nobody about them again, so its counts are this version's.
    await checkReviewsDue(db, queue, { now: new Date(due.getTime() - 40 * day), graceDays: 14 });
    expect(await db.notification.count({ where: { linkPath: `/admin/versioner/${published.id}`, kind: { in: ["REVIEW_DUE_SOON", "REVIEW_OVERDUE", "REVIEW_ESCALATED"] } } })).toBe(0);
    expect(await checkReviewsDue(db, queue, { now: new Date(due.getTime() - 39 * day), graceDays: 14 })).toEqual({ dueSoon: 0, overdue: 0, escalated: 0 });
    expect(await checkReviewsDue(db, queue, { now: new Date(due.getTime() - 10 * day), graceDays: 14 })).toEqual({ dueSoon: 1, overdue: 0, escalated: 0 });
    expect(await checkReviewsDue(db, queue, { now: new Date(due.getTime() - 9 * day), graceDays: 14 })).toEqual({ dueSoon: 0, overdue: 0, escalated: 0 });
    expect(await checkReviewsDue(db, queue, { now: new Date(due.getTime() + 5 * day), graceDays: 14 })).toEqual({ dueSoon: 0, overdue: 1, escalated: 0 });
    expect(await checkReviewsDue(db, queue, { now: new Date(due.getTime() + 20 * day), graceDays: 14 })).toEqual({ dueSoon: 0, overdue: 0, escalated: 2 });
    expect(await checkReviewsDue(db, queue, { now: new Date(due.getTime() + 21 * day), graceDays: 14 })).toEqual({ dueSoon: 0, overdue: 0, escalated: 0 });

    const kindsFor = async (user: TestUser) =>
      (await db.notification.findMany({ where: { userId: user.id, linkPath: `/admin/versioner/${published.id}`, kind: { in: ["REVIEW_DUE_SOON", "REVIEW_OVERDUE", "REVIEW_ESCALATED"] } }, orderBy: { createdAt: "asc" } })).map(
        (notification) => notification.kind,
      );
    expect(await kindsFor(users.secondReviewer)).toEqual(["REVIEW_DUE_SOON", "REVIEW_OVERDUE"]);
    expect(await kindsFor(users.admin)).toEqual(["REVIEW_ESCALATED"]);
    expect(await kindsFor(users.secondAdmin)).toEqual(["REVIEW_ESCALATED"]);
    const subject = `Eskalerad: "${published.title}", version ${published.number} är 20 dagar försenad`;
    const escalation = await waitFor(async () => mailsTo(users.admin).find((mail) => mail.subject === subject), Boolean, 90_000);
    expect(escalation?.text).toContain(`${baseUrl}/admin/versioner/${published.id}`);
  });
});
