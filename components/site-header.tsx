import Link from "next/link";
import { signOut } from "@/app/(auth)/sign-in/actions";
import { can } from "@/lib/server/permissions";
import { getCurrentActor } from "@/lib/server/session";
import { SignOutButton } from "./sign-out-button";

const READING_LINKS = [
  { href: "/", label: "Latest" },
  { href: "/developments", label: "Developments" },
  { href: "/agreements", label: "Agreements" },
  { href: "/measures", label: "Trade measures" },
  { href: "/parties", label: "Parties" },
  { href: "/relations", label: "Relations" },
  { href: "/sources", label: "Sources" },
  { href: "/corrections", label: "Corrections" },
  { href: "/methodology", label: "Methodology" },
];

export async function SiteHeader() {
  const actor = await getCurrentActor();
  const links = [
    ...(can(actor, "published:read") ? READING_LINKS : []),
    ...(can(actor, "status-change:log") ? [{ href: "/desk", label: "Desk" }, { href: "/desk/log", label: "Log a development" }] : []),
    ...(can(actor, "user:manage") ? [{ href: "/admin", label: "Admin" }] : []),
  ];
  return (
    <header className="border-b border-rule bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-baseline justify-between gap-x-6 gap-y-2 px-4 py-4">
        <div className="flex flex-wrap items-baseline gap-x-6 gap-y-2">
          <Link href="/" className="font-serif text-2xl font-bold text-ink no-underline">
            Pactwatch
          </Link>
          <nav aria-label="Main">
            <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
              {links.map((link) => (
                <li key={link.href}>
                  <Link href={link.href}>{link.label}</Link>
                </li>
              ))}
            </ul>
          </nav>
        </div>
        <div className="flex flex-wrap items-baseline gap-3 text-sm">
          {can(actor, "published:read") && (
            <form action="/search" method="get" role="search" className="flex items-baseline gap-1">
              <label htmlFor="site-search" className="sr-only">
                Search Pactwatch
              </label>
              <input
                id="site-search"
                name="q"
                type="search"
                placeholder="Search"
                className="w-36 rounded border border-rule bg-white px-2 py-1"
              />
              <button type="submit" className="rounded border border-rule px-2 py-1">
                Search
              </button>
            </form>
          )}
          {actor ? (
            <>
              <Link href="/account">
                {actor.name} <span className="text-muted">({actor.role.toLowerCase()})</span>
              </Link>
              <SignOutButton action={signOut} />
            </>
          ) : (
            <Link href="/sign-in">Sign in</Link>
          )}
        </div>
      </div>
    </header>
  );
}
