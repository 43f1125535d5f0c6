import Link from "next/link";
import type { ReactNode } from "react";
import { can } from "@/lib/server/permissions";
import { getCurrentActor } from "@/lib/server/session";

const ADMIN_LINKS = [
  { href: "/admin", label: "Overview" },
  { href: "/admin/sources", label: "Sources" },
  { href: "/admin/sources/duplicates", label: "Duplicates" },
  { href: "/admin/users", label: "Users" },
  { href: "/admin/audit", label: "Audit log" },
  { href: "/admin/deliveries", label: "Deliveries" },
  { href: "/admin/settings", label: "Settings" },
];

// Each page checks its own permission (requireSignedIn); the layout only decides whether to
// show the admin's navigation, so a refused visitor is not shown links they cannot use.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const actor = await getCurrentActor();
  // Links are underlined, not told apart from text by colour alone (WCAG 1.4.1).
  return (
    <div className="[&_a]:underline">
      {can(actor, "audit:read") && (
        <nav aria-label="Admin" className="mb-6 border-b border-rule pb-3">
          <ul className="flex flex-wrap gap-x-5 gap-y-1 text-sm">
            {ADMIN_LINKS.map((link) => (
              <li key={link.href}>
                <Link href={link.href}>{link.label}</Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {children}
    </div>
  );
}
