import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { requireSignedIn } from "@/lib/server/auth/require-signed-in";
import { listPartyOptions } from "@/lib/server/desk/list-desk-options";

export const metadata: Metadata = { title: "Parties" };

type TProps = { searchParams: Promise<{ q?: string }> };

export default async function DeskPartiesPage({ searchParams }: TProps) {
  const { q = "" } = await searchParams;
  const actor = await requireSignedIn(`/desk/parties${q ? `?q=${encodeURIComponent(q)}` : ""}`, "party:write");
  const query = q.trim().toLowerCase();
  const parties = (await listPartyOptions(actor)).filter((party) => !query || party.label.toLowerCase().includes(query));
  return (
    <section aria-labelledby="parties-heading" className="space-y-4">
      <p className="text-sm text-muted [&_a]:underline">
        <Link href="/desk">Desk</Link>
      </p>
      <h1 id="parties-heading" className="font-serif text-3xl font-bold">
        Parties
      </h1>
      <p>
        <Link href="/desk/parties/new">Add a party</Link>
      </p>
      <form method="get" action="/desk/parties" className="flex max-w-xl items-end gap-2" role="search">
        <Input name="q" label="Find a party" defaultValue={q} fieldClassName="flex-1" />
        <Button type="submit" variant="secondary">
          Find
        </Button>
      </form>
      <ul className="columns-1 gap-6 md:columns-2">
        {parties.map((party) => (
          <li key={party.value}>
            <Link href={`/desk/parties/${party.value}/edit`}>{party.label}</Link>
            {party.kind === "ORGANIZATION" && <span className="text-muted"> · organisation</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
