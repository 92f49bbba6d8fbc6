import Link from "next/link";
import type { Role } from "@/lib/db/generated/enums";
import { hasAnyRole } from "@/lib/auth/require-user";

/** The admin's sections and who sees them; the pages themselves check the same roles on the server. */
const sections: { href: string; label: string; roles: Role[] }[] = [
  { href: "/admin", label: "Översikt", roles: [] },
  { href: "/admin/innehall", label: "Innehåll", roles: [] },
  { href: "/admin/artiklar/ny", label: "Ny artikel", roles: ["EDITOR"] },
  { href: "/admin/risklistor/ny", label: "Ny risklista", roles: ["EDITOR"] },
  { href: "/admin/aterkoppling", label: "Återkoppling", roles: ["ADMIN", "EDITOR"] },
  { href: "/admin/kommentarer", label: "Kommentarer", roles: ["ADMIN"] },
  { href: "/admin/anvandare", label: "Användare", roles: ["ADMIN"] },
  { href: "/admin/webhooks", label: "Webhooks", roles: ["ADMIN"] },
  { href: "/admin/logg", label: "Granskningslogg", roles: ["ADMIN"] },
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
