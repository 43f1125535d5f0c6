import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { SelectField } from "@/components/filter-form";
import { ZPartyPair } from "@/lib/schemas/reader-queries";
import { listParties } from "@/lib/server/parties/list-parties";
import { canonicalPair } from "@/lib/server/relations/get-relation";
import { getCurrentActor } from "@/lib/server/session";
import { firstParam } from "../_shared/load";
import { UNDERLINED_LINKS } from "@/components/underlined-links";
import { AsOfBanner, AsOfHiddenFields } from "@/components/as-of-banner";
import { keepAsOf } from "@/lib/domain/as-of-link";
import { readPageAsOf } from "../_shared/as-of-param";

export const metadata: Metadata = {
  title: "Relations",
  description: "Pick two parties to see everything between them: shared agreements, trade measures either way, and one merged timeline.",
};

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RelationsPage({ searchParams }: TProps) {
  await connection();
  const params = await searchParams;
  const first = firstParam(params.first)?.toUpperCase();
  const second = firstParam(params.second)?.toUpperCase();
  const isSamePair = first && second && first === second;
  // Only codes go into the redirect's address (a NUL or newline there made the response fail).
  const pair = first && second && !isSamePair ? ZPartyPair.safeParse(`${first}-${second}`) : null;
  // The relation keeps the reading's instant (an unreadable one is dropped there, noted here).
  const { asOf, invalid } = readPageAsOf(params);
  if (pair?.success) redirect(keepAsOf(`/relations/${canonicalPair(...pair.data).join("-")}`, asOf));

  // As of an instant, "involved" reads the record then (listParties), so the parties of that day come first.
  const parties = await listParties(await getCurrentActor(), { scope: "all" }, { limit: 100 });
  const involved = await listParties(await getCurrentActor(), { scope: "involved", sort: "activity" }, { limit: 100, asOf });
  const options = [
    ...involved.items.map((party) => ({ value: party.code, label: `${party.name} (${party.code})` })),
    ...parties.items.filter((party) => !involved.items.some((other) => other.code === party.code)).map((party) => ({ value: party.code, label: `${party.name} (${party.code})` })),
  ];

  return (
    <section aria-labelledby="relations-heading" className={`${UNDERLINED_LINKS} max-w-prose`}>
      <h1 id="relations-heading" className="font-serif text-3xl font-bold">
        Relations between two parties
      </h1>
      <p className="mt-2">Everything between two parties on one page: their shared agreements, the trade measures each imposes on the other, and one merged timeline of both.</p>
      <AsOfBanner asOf={asOf} timeZone="UTC" presentHref="/relations" invalid={invalid} />
      <form method="get" action="/relations" className="mt-4 rounded border border-rule bg-white p-4">
        {isSamePair && (
          <p role="alert" className="mb-3 rounded bg-amber-50 p-2 text-sm text-amber-900">
            Pick two different parties.
          </p>
        )}
        <div className="grid gap-3 sm:grid-cols-2">
          <SelectField name="first" label="First party" value={first ?? "JPN"} options={options} anyLabel={null} />
          <SelectField name="second" label="Second party" value={second ?? "KOR"} options={options} anyLabel={null} />
        </div>
        <button type="submit" className="mt-3 rounded bg-accent px-4 py-1.5 font-semibold text-white">
          Show the relation
        </button>
        {asOf && <AsOfHiddenFields asOf={asOf} />}
      </form>
      <p className="mt-3 text-sm text-muted">Parties in tracked agreements or measures{asOf ? " on the record then" : ""} are listed first. The first hundred others follow; any pair can also be opened by address, e.g. /relations/JPN-KOR.</p>
    </section>
  );
}
