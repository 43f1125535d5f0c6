import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { CurrentStatus } from "@/components/current-status";
import { enumOptions, FilterForm, SelectField, TextField } from "@/components/filter-form";
import { PaginationNav } from "@/components/pagination-nav";
import { AgreementKind } from "@/lib/generated/prisma/enums";
import { AGREEMENT_STATUSES, STATUS_LABELS } from "@/lib/domain/statuses";
import { parseQueryLeniently, ZAgreementListQuery } from "@/lib/schemas/reader-queries";
import { toSearchParams } from "@/lib/schemas/to-search-params";
import { listAgreements } from "@/lib/server/agreements/list-agreements";
import { getCurrentActor } from "@/lib/server/session";
import { orNotFound } from "../_shared/load";
import { partyOptions } from "../_shared/party-options";
import { UNDERLINED_LINKS } from "@/components/underlined-links";
import { ColumnHeader, Table, TableBody, TableCell, TableHead, TableRow } from "@/components/ui/table";
import { subjectHref } from "@/lib/domain/subject-ref";
import { AsOfBanner, AsOfHiddenFields } from "@/components/as-of-banner";
import { asOfParams, keepAsOf } from "@/lib/domain/as-of-link";
import { listAsOf } from "../_shared/as-of-param";

export const metadata: Metadata = {
  title: "Agreements",
  description: "Agreements between states tracked by Pactwatch: search them, filter by party, kind, status and date, and see each one's current status.",
};

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const SORTS = [
  { value: "relevance", label: "Best match (with a search)" },
  { value: "name", label: "Name" },
  { value: "recent", label: "Latest change first" },
  { value: "signed", label: "Newest signature first" },
];

export default async function AgreementsPage({ searchParams }: TProps) {
  await connection();
  const params = await searchParams;
  const { query, errors } = parseQueryLeniently(ZAgreementListQuery, params);
  const actor = await getCurrentActor();
  const asOf = listAsOf(query);
  const [list, parties] = await Promise.all([orNotFound(listAgreements(actor, query, { cursor: query.cursor, limit: query.limit, asOf })), partyOptions(actor)]);
  const hasFilters = Boolean(query.q || query.party.length || query.kind.length || query.status.length || query.from || query.to);
  // The parsed asOf is not text: the links carry it as the instant it was read at.
  const state = new URLSearchParams({ ...Object.fromEntries(toSearchParams(ZAgreementListQuery, query, { omit: ["asOf", "axis"] })), ...asOfParams(asOf) });
  const keep = (href: string) => keepAsOf(href, asOf);

  return (
    <section aria-labelledby="agreements-heading" className={UNDERLINED_LINKS}>
      <h1 id="agreements-heading" className="mb-4 font-serif text-3xl font-bold">
        Agreements
      </h1>
      <AsOfBanner asOf={asOf} timeZone="UTC" presentHref="/agreements" invalid={Boolean(errors.asOf || errors.axis)} hidden={state} />
      <FilterForm action="/agreements" clearHref={keepAsOf("/agreements", asOf)} label="Search and filter agreements" errors={errors}>
        <TextField name="q" label="Search" value={query.q} placeholder="e.g. GSOMIA, intelligence pact" wide hint="Names, summaries and the developments logged for each agreement." />
        <SelectField name="party" label="Party" value={query.party[0]} options={parties} />
        <SelectField name="kind" label="Kind" value={query.kind[0]} options={enumOptions(Object.values(AgreementKind))} />
        <SelectField name="status" label="Current status" value={query.status[0]} options={enumOptions(AGREEMENT_STATUSES, STATUS_LABELS)} />
        <TextField name="from" label="Changed from" value={query.from} placeholder="YYYY, YYYY-MM or YYYY-MM-DD" />
        <TextField name="to" label="Changed until" value={query.to} placeholder="YYYY, YYYY-MM or YYYY-MM-DD" />
        <SelectField name="sort" label="Sort by" value={list.sort} options={SORTS} anyLabel={null} />
        {asOf && <AsOfHiddenFields asOf={asOf} />}
      </FilterForm>

      <p className="mb-2 text-sm text-muted" role="status">
        {list.total === 0 ? "No agreements match." : `${list.isTotalAtLeast ? "At least " : ""}${list.total} ${list.total === 1 ? "agreement" : "agreements"}${hasFilters ? " match" : ""}.`}
        {list.isTotalAtLeast && " The word is so common that only the latest developments were searched for the agreements they name: add a word to narrow the search."}
      </p>
      {list.items.length > 0 && (
        <div className="overflow-x-auto">
          <Table caption="Agreements, their parties and current status">
            <TableHead>
                <ColumnHeader>Agreement</ColumnHeader>
                <ColumnHeader>Parties</ColumnHeader>
                <ColumnHeader>Kind</ColumnHeader>
                <ColumnHeader>Current status</ColumnHeader>
              </TableHead>
            <TableBody>
              {list.items.map((agreement) => (
                <TableRow key={agreement.slug}>
                  <TableCell>
                    <Link href={keep(subjectHref("AGREEMENT", agreement.slug))} className="font-semibold">
                      {agreement.name}
                    </Link>
                    {agreement.shortName && <div className="text-muted">{agreement.title}</div>}
                  </TableCell>
                  <TableCell>
                    {agreement.parties.map((party, index) => (
                      <span key={party.code}>
                        {index > 0 && ", "}
                        <Link href={keep(`/parties/${party.code}`)}>{party.name}</Link>
                      </span>
                    ))}
                  </TableCell>
                  <TableCell className="capitalize">{agreement.kind.toLowerCase()}</TableCell>
                  <TableCell>
                    <CurrentStatus current={agreement.current} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {list.total === 0 && hasFilters && (
        <p className="mt-2 text-sm">
          Try fewer filters, another spelling, or <Link href={keep(`/search?q=${encodeURIComponent(query.q ?? "")}`)}>search everything</Link>.
        </p>
      )}
      <PaginationNav path="/agreements" query={state} nextCursor={list.nextCursor} label="Agreement pages" />
    </section>
  );
}
