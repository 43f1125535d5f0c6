import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { enumOptions, FilterForm, SelectField, TextField } from "@/components/filter-form";
import { PaginationNav } from "@/components/pagination-nav";
import { PartyKind } from "@/lib/generated/prisma/enums";
import { parseQueryLeniently, ZPartyListQuery } from "@/lib/schemas/reader-queries";
import { listParties } from "@/lib/server/parties/list-parties";
import { getCurrentActor } from "@/lib/server/session";
import { orNotFound } from "../_shared/load";
import { UNDERLINED_LINKS } from "@/components/underlined-links";

export const metadata: Metadata = {
  title: "Parties",
  description: "States and organisations in Pactwatch's record, with how many tracked agreements and trade measures involve each.",
};

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PartiesPage({ searchParams }: TProps) {
  await connection();
  const { query, errors } = parseQueryLeniently(ZPartyListQuery, await searchParams);
  const list = await orNotFound(listParties(await getCurrentActor(), query, { cursor: query.cursor, limit: query.limit }));
  const state = { q: query.q, kind: query.kind, scope: query.scope === "involved" ? undefined : query.scope, sort: query.sort === "name" ? undefined : query.sort, cursor: query.cursor };

  return (
    <section aria-labelledby="parties-heading" className={UNDERLINED_LINKS}>
      <h1 id="parties-heading" className="mb-4 font-serif text-3xl font-bold">
        Parties
      </h1>
      <FilterForm action="/parties" label="Search and filter parties" errors={errors}>
        <TextField name="q" label="Name or code" value={query.q} placeholder="e.g. Korea, JPN" />
        <SelectField name="kind" label="Kind" value={query.kind[0]} options={enumOptions(Object.values(PartyKind), { STATE: "State", ORGANIZATION: "Organisation" })} />
        <SelectField
          name="scope"
          label="Show"
          value={query.scope}
          anyLabel={null}
          options={[
            { value: "involved", label: "Parties in tracked agreements or measures" },
            { value: "all", label: "Every party, ISO states included" },
          ]}
        />
        <SelectField
          name="sort"
          label="Sort by"
          value={query.sort}
          anyLabel={null}
          options={[
            { value: "name", label: "Name" },
            { value: "activity", label: "Most tracked items first" },
          ]}
        />
      </FilterForm>
      <p className="mb-2 text-sm text-muted" role="status">
        {list.total === 0 ? "No parties match." : `${list.total} ${list.total === 1 ? "party" : "parties"}.`}
      </p>
      {list.items.length > 0 && (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">Parties and how many tracked agreements and measures involve them</caption>
            <thead>
              <tr className="border-b border-rule">
                <th scope="col" className="py-2 pr-4">Party</th>
                <th scope="col" className="py-2 pr-4">Code</th>
                <th scope="col" className="py-2 pr-4 text-right">Agreements</th>
                <th scope="col" className="py-2 text-right">Trade measures</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((party) => (
                <tr key={party.code} className="border-b border-rule">
                  <td className="py-2 pr-4">
                    <Link href={`/parties/${party.code}`} className="font-semibold">
                      {party.name}
                    </Link>
                  </td>
                  <td className="py-2 pr-4">{party.code}</td>
                  <td className="py-2 pr-4 text-right">{party.agreements}</td>
                  <td className="py-2 text-right">{party.measures}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="mt-4 text-sm">
        <Link href="/relations">Compare two parties →</Link>
      </p>
      <PaginationNav path="/parties" query={state} nextCursor={list.nextCursor} label="Party pages" />
    </section>
  );
}
