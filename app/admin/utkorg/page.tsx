import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/require-user";
import { formatAdminDateTime } from "@/lib/labels/sv";
import { readOutbox } from "@/lib/notifications/outbox";
import { adminPaths } from "@/lib/paths/admin-paths";
import "@/components/notifications/notifications.css";

export const metadata: Metadata = { title: "Utkorg" };
export const dynamic = "force-dynamic";

/** E-mails written to the local outbox folder because no SMTP server is configured (SMTP_URL unset). */
export default async function OutboxPage() {
  await requirePageUser(adminPaths.outbox, ["ADMIN"]);
  const smtpConfigured = Boolean(process.env.SMTP_URL);
  const messages = await readOutbox();
  return (
    <>
      <h1>Utkorg</h1>
      <p>
        {smtpConfigured
          ? "E-post skickas via SMTP-servern. Här visas bara det som skrevs till den lokala mappen innan SMTP ställdes in."
          : "Ingen SMTP-server är inställd (SMTP_URL), så e-post skrivs till en lokal mapp i stället för att skickas. De senaste 50 visas här."}
      </p>
      {messages.length === 0 ? (
        <p>Utkorgen är tom.</p>
      ) : (
        <ul className="notification-list" data-testid="outbox">
          {messages.map((message) => (
            <li key={message.file} className="notification outbox-message">
              <p className="notification-meta">
                Till {message.to} · {message.date ? formatAdminDateTime(message.date) : "okänt datum"}
              </p>
              <p>
                <strong>{message.subject}</strong>
              </p>
              <pre>{message.text}</pre>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
