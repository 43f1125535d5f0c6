import Link from "next/link";

export function SiteHeader() {
  return (
    <header className="border-b border-rule bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-baseline gap-x-6 gap-y-2 px-4 py-4">
        <Link href="/" className="font-serif text-2xl font-bold text-ink no-underline">
          Pactwatch
        </Link>
        <nav aria-label="Main">
          <ul className="flex gap-4 text-sm">
            <li>
              <Link href="/">Latest</Link>
            </li>
            <li>
              <Link href="/agreements">Agreements</Link>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
