import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { enumOptions, FilterForm, SelectField, TextField } from "@/components/filter-form";
import { PaginationNav } from "@/components/pagination-nav";
import { PartyKind } from "@/lib/generated/prisma/enums";
import { parseQueryLeniently, ZPartyListQuery } from "@/lib/schemas/reader-queries";
import { toSearchParams } from "@/lib/schemas/to-search-params";
import { listParties } from "@/lib/server/parties/list-parties";
import { getCurrentActor } from "@/lib/server/session";
import { orNotFound } from "../_shared/load";
import { UNDERLINED_LINKS } from "@/components/underlined-links";
import { ColumnHeader, Table, TableBody, TableCell, TableHead, TableRow } from "@/components/ui/table";
import { AsOfBanner, AsOfHiddenFields } from "@/components/as-of-banner";
import { asOfParams, keepAsOf } from "@/lib/domain/as-of-link";
import { listAsOf } from "../_shared/as-of-param";

export const metadata: Metadata = {
  title: "Parties",
  description: "States and organisations in Pactwatch's record, with how many tracked agreements and trade measures involve each.",
};

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PartiesPage({ searchParams }: TProps) {
  await connection();
  const { query, errors } = parseQueryLeniently(ZPartyListQuery, await searchParams);
  const asOf = listAsOf(query);
  const list = await orNotFound(listParties(await getCurrentActor(), query, { cursor: query.cursor, limit: query.limit, asOf }));
  // The parsed asOf is not text: the links carry it as the instant it was read at.
  const state = new URLSearchParams({ ...Object.fromEntries(toSearchParams(ZPartyListQuery, query, { omit: ["asOf", "axis"] })), ...asOfParams(asOf) });
  const keep = (href: string) => keepAsOf(href, asOf);

  return (
    <section aria-labelledby="parties-heading" className={UNDERLINED_LINKS}>
      <h1 id="parties-heading" className="mb-4 font-serif text-3xl font-bold">
        Parties
      </h1>
      <AsOfBanner asOf={asOf} timeZone="UTC" presentHref="/parties" invalid={Boolean(errors.asOf || errors.axis)} hidden={state} />
      {asOf && <p className="mt-2 text-sm text-muted">Counted are the agreements and measures on the record then: those with a development that stood at that instant.</p>}
      <FilterForm action="/parties" clearHref={keep("/parties")} label="Search and filter parties" errors={errors}>
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
        {asOf && <AsOfHiddenFields asOf={asOf} />}
      </FilterForm>
      <p className="mb-2 text-sm text-muted" role="status">
        {list.total === 0 ? "No parties match." : `${list.total} ${list.total === 1 ? "party" : "parties"}.`}
      </p>
      {list.items.length > 0 && (
        <div className="overflow-x-auto">
          <Table caption="Parties and how many tracked agreements and measures involve them">
            <TableHead>
                <ColumnHeader>Party</ColumnHeader>
                <ColumnHeader>Code</ColumnHeader>
                <ColumnHeader className="text-right">Agreements</ColumnHeader>
                <ColumnHeader className="text-right">Trade measures</ColumnHeader>
              </TableHead>
            <TableBody>
              {list.items.map((party) => (
                <TableRow key={party.code}>
                  <TableCell>
                    <Link href={keep(`/parties/${party.code}`)} className="font-semibold">
                      {party.name}
                    </Link>
                  </TableCell>
                  <TableCell>{party.code}</TableCell>
                  <TableCell className="text-right">{party.agreements}</TableCell>
                  <TableCell className="text-right">{party.measures}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <p className="mt-4 text-sm">
        <Link href={keep("/relations")}>Compare two parties →</Link>
      </p>
      <PaginationNav path="/parties" query={state} nextCursor={list.nextCursor} label="Party pages" />
    </section>
  );
}
