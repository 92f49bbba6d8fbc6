import fs from "node:fs/promises";
import path from "node:path";
import { simpleParser } from "mailparser";
import { outboxDir } from "./mailer";

export type OutboxMessage = { file: string; to: string; subject: string; date: Date | null; text: string };

/**
 * The newest e-mails in the local outbox folder (written when no SMTP server is configured), parsed for
 * the admin's outbox page. An absent folder is an empty outbox.
 */
export async function readOutbox(options: { limit?: number; env?: Record<string, string | undefined> } = {}): Promise<OutboxMessage[]> {
  const folder = outboxDir(options.env);
  const names = await fs.readdir(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [] as string[];
    throw error;
  });
  const newest = names
    .filter((name) => name.endsWith(".eml"))
    .sort()
    .reverse()
    .slice(0, options.limit ?? 50);
  const messages: OutboxMessage[] = [];
  for (const file of newest) {
    const mail = await simpleParser(await fs.readFile(path.join(folder, file)));
    const to = Array.isArray(mail.to) ? mail.to.map((address) => address.text).join(", ") : (mail.to?.text ?? "");
    messages.push({ file, to, subject: mail.subject ?? "", date: mail.date ?? null, text: mail.text ?? "" });
  }
  return messages;
}
