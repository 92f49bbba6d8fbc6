import Link from "next/link";
import type { Role } from "@/lib/db/generated/enums";
import { hasAnyRole } from "@/lib/auth/require-user";
import { adminPaths } from "@/lib/paths/admin-paths";

/** The admin's sections and who sees them; the pages themselves check the same roles on the server. */
const sections: { href: string; label: string; roles: Role[] }[] = [
  { href: adminPaths.dashboard, label: "Översikt", roles: [] },
  { href: adminPaths.content, label: "Innehåll", roles: [] },
  { href: adminPaths.newArticle, label: "Ny artikel", roles: ["EDITOR"] },
  { href: adminPaths.newRiskList, label: "Ny risklista", roles: ["EDITOR"] },
  { href: adminPaths.newGlossaryTerm, label: "Ny ordlisteterm", roles: ["EDITOR"] },
  { href: adminPaths.feedback, label: "Återkoppling", roles: ["ADMIN", "EDITOR"] },
  { href: adminPaths.comments(), label: "Kommentarer", roles: ["ADMIN"] },
  { href: adminPaths.users, label: "Användare", roles: ["ADMIN"] },
  { href: adminPaths.webhooks, label: "Webhooks", roles: ["ADMIN"] },
  { href: adminPaths.auditLog, label: "Granskningslogg", roles: ["ADMIN"] },
  { href: adminPaths.outbox, label: "Utkorg", roles: ["ADMIN"] },
];

export function AdminNav({ roles }: { roles: Role[] }) {
  return (
    <nav aria-label="Redaktionen">
      <ul className="admin-nav">
        {sections
          .filter((section) => hasAnyRole({ roles }, section.roles))
          .map((section) => (
            <li key={section.href}>
              <Link href={section.href}>{section.label}</Link>
            </li>
          ))}
      </ul>
    </nav>
  );
}
