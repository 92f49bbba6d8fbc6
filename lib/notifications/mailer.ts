import fs from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";

/** One plain-text e-mail. `messageId` is stable per notification, so a receiver can drop a repeat. */
export type MailMessage = { to: string; subject: string; text: string; messageId: string };

export type Mailer = {
  /** "smtp" or "outbox <folder>", for the start-up log. */
  describe: string;
  send: (message: MailMessage) => Promise<void>;
};

/** Where e-mails go when no SMTP server is configured: GRANSKAD_MAIL_OUTBOX_DIR, else .data/outbox. */
export function outboxDir(env: Record<string, string | undefined> = process.env): string {
  return env.GRANSKAD_MAIL_OUTBOX_DIR || path.join(process.cwd(), ".data", "outbox");
}

/** The sender: GRANSKAD_MAIL_FROM, else "Granskad <granskad@localhost>". */
export function mailFrom(env: Record<string, string | undefined> = process.env): string {
  return env.GRANSKAD_MAIL_FROM || "Granskad <granskad@localhost>";
}

/**
 * The e-mail transport (nodemailer): SMTP when SMTP_URL is set (`smtp://user:pass@host:587`,
 * `smtps://…:465`), otherwise each message is written as an .eml file to the local outbox folder, which
 * the admin shows (/admin/utkorg), so a first run works without a mail server.
 */
export function mailerFromEnvironment(env: Record<string, string | undefined> = process.env): Mailer {
  const from = mailFrom(env);
  if (env.SMTP_URL) {
    const transport = nodemailer.createTransport(env.SMTP_URL);
    return {
      describe: "smtp",
      send: async (message) => {
        await transport.sendMail({ from, ...message, messageId: message.messageId });
      },
    };
  }
  const folder = outboxDir(env);
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    describe: `outbox ${folder}`,
    send: async (message) => {
      const info = await transport.sendMail({ from, ...message, messageId: message.messageId });
      await fs.mkdir(folder, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${message.messageId.replace(/[^a-z0-9-]/gi, "").slice(0, 80)}.eml`;
      await fs.writeFile(path.join(folder, name), info.message as Buffer, { flag: "wx" });
    },
  };
}
