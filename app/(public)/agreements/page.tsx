import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { StatusBadge } from "@/components/status-badge";
import { formatOccurred } from "@/lib/domain/dates";
import { listAgreements } from "@/lib/server/agreements/list-agreements";
import { getCurrentActor } from "@/lib/server/session";

export const metadata: Metadata = {
  title: "Agreements",
  description: "Agreements between states tracked by Pactwatch, with their current status.",
};

export default async function AgreementsPage() {
  await connection();
  const agreements = await listAgreements(await getCurrentActor());
  return (
    <section aria-labelledby="agreements-heading">
      <h1 id="agreements-heading" className="mb-4 font-serif text-3xl font-bold">
        Agreements
      </h1>
      {agreements.length === 0 ? (
        <p>No agreements are tracked yet.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">Agreements, their parties and current status</caption>
            <thead>
              <tr className="border-b border-rule">
                <th scope="col" className="py-2 pr-4">Agreement</th>
                <th scope="col" className="py-2 pr-4">Parties</th>
                <th scope="col" className="py-2 pr-4">Kind</th>
                <th scope="col" className="py-2">Current status</th>
              </tr>
            </thead>
            <tbody>
              {agreements.map((agreement) => (
                <tr key={agreement.slug} className="border-b border-rule align-top">
                  <td className="py-2 pr-4">
                    <Link href={`/agreements/${agreement.slug}`} className="font-semibold">
                      {agreement.shortName ?? agreement.title}
                    </Link>
                    {agreement.shortName && <div className="text-muted">{agreement.title}</div>}
                  </td>
                  <td className="py-2 pr-4">{agreement.parties.map((party) => party.name).join(", ")}</td>
                  <td className="py-2 pr-4 capitalize">{agreement.kind.toLowerCase()}</td>
                  <td className="py-2">
                    <StatusBadge status={agreement.current?.status ?? null} />
                    {agreement.current && (
                      <div className="text-muted">since {formatOccurred(agreement.current.since, "DAY", agreement.timeZone)}</div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
