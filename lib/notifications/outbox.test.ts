import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { escalationGraceDays } from "./review-due-check";
import { mailerFromEnvironment } from "./mailer";
import { readOutbox } from "./outbox";

const folders: string[] = [];
afterEach(async () => {
  for (const folder of folders.splice(0)) await fs.rm(folder, { recursive: true, force: true });
});

describe("without SMTP_URL, e-mail goes to the local outbox folder the admin shows", () => {
  it("writes each message as an .eml file and reads it back, Swedish letters intact", async () => {
    const folder = await fs.mkdtemp(path.join(os.tmpdir(), "granskad-outbox-"));
    folders.push(folder);
    const env = { GRANSKAD_MAIL_OUTBOX_DIR: folder, GRANSKAD_MAIL_FROM: "Granskad <granskad@example.se>" };
    const mailer = mailerFromEnvironment(env);
    expect(mailer.describe).toBe(`outbox ${folder}`);
    await mailer.send({ to: "granskare@example.se", subject: "Att granska: \"Kortison\", version 2", text: "Gå vidare här:\nhttps://granskad.se/admin", messageId: "<notification-1@granskad>" });
    await mailer.send({ to: "redaktor@example.se", subject: "Ändringar begärda", text: "Läs kommentaren", messageId: "<notification-2@granskad>" });
    expect((await fs.readdir(folder)).filter((name) => name.endsWith(".eml"))).toHaveLength(2);
    const messages = await readOutbox({ env });
    expect(messages.map((message) => [message.to, message.subject])).toEqual([
      ["redaktor@example.se", "Ändringar begärda"],
      ["granskare@example.se", "Att granska: \"Kortison\", version 2"],
    ]);
    expect(messages[1]?.text).toContain("Gå vidare här:\nhttps://granskad.se/admin");
  });

  it("an outbox that was never written is empty", async () => {
    expect(await readOutbox({ env: { GRANSKAD_MAIL_OUTBOX_DIR: path.join(os.tmpdir(), `granskad-none-${process.pid}-${Date.now()}`) } })).toEqual([]);
  });

  it("SMTP_URL switches to SMTP", () => {
    expect(mailerFromEnvironment({ SMTP_URL: "smtp://127.0.0.1:2525" }).describe).toBe("smtp");
  });
});

describe("GRANSKAD_REVIEW_ESCALATION_GRACE_DAYS", () => {
  it("defaults to 14 days and refuses anything but a whole number", () => {
    expect(escalationGraceDays({})).toBe(14);
    expect(escalationGraceDays({ GRANSKAD_REVIEW_ESCALATION_GRACE_DAYS: "0" })).toBe(0);
    expect(escalationGraceDays({ GRANSKAD_REVIEW_ESCALATION_GRACE_DAYS: "30" })).toBe(30);
    for (const bad of ["-1", "1.5", "två", "1e3"]) expect(() => escalationGraceDays({ GRANSKAD_REVIEW_ESCALATION_GRACE_DAYS: bad })).toThrow();
  });
});
