import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { CurrentStatus } from "@/components/current-status";
import { enumOptions, FilterForm, humanize, SelectField, TextField } from "@/components/filter-form";
import { PaginationNav } from "@/components/pagination-nav";
import { MeasureType } from "@/lib/generated/prisma/enums";
import { MEASURE_STATUSES, STATUS_LABELS } from "@/lib/domain/statuses";
import { parseQueryLeniently, ZMeasureListQuery } from "@/lib/schemas/reader-queries";
import { toSearchParams } from "@/lib/schemas/to-search-params";
import { listMeasures } from "@/lib/server/measures/list-measures";
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
  title: "Trade measures",
  description: "Export controls, tariffs, list removals and sanctions between states: search them, filter by who imposes them, on whom, type and status.",
};

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const SORTS = [
  { value: "relevance", label: "Best match (with a search)" },
  { value: "name", label: "Name" },
  { value: "recent", label: "Latest change first" },
  { value: "announced", label: "Newest announcement first" },
];

export default async function MeasuresPage({ searchParams }: TProps) {
  await connection();
  const { query, errors } = parseQueryLeniently(ZMeasureListQuery, await searchParams);
  const actor = await getCurrentActor();
  const asOf = listAsOf(query);
  const [list, parties] = await Promise.all([orNotFound(listMeasures(actor, query, { cursor: query.cursor, limit: query.limit, asOf })), partyOptions(actor)]);
  const hasFilters = Boolean(query.q || query.party.length || query.imposing || query.target || query.type.length || query.status.length || query.from || query.to);
  // The parsed asOf is not text: the links carry it as the instant it was read at.
  const state = new URLSearchParams({ ...Object.fromEntries(toSearchParams(ZMeasureListQuery, query, { omit: ["asOf", "axis"] })), ...asOfParams(asOf) });
  const keep = (href: string) => keepAsOf(href, asOf);

  return (
    <section aria-labelledby="measures-heading" className={UNDERLINED_LINKS}>
      <h1 id="measures-heading" className="mb-4 font-serif text-3xl font-bold">
        Trade measures
      </h1>
      <AsOfBanner asOf={asOf} timeZone="UTC" presentHref="/measures" invalid={Boolean(errors.asOf || errors.axis)} hidden={state} />
      <FilterForm action="/measures" clearHref={keepAsOf("/measures", asOf)} label="Search and filter trade measures" errors={errors}>
        <TextField name="q" label="Search" value={query.q} placeholder="e.g. export controls" wide hint="Titles, products, summaries and the developments logged for each measure." />
        <SelectField name="imposing" label="Imposed by" value={query.imposing} options={parties} />
        <SelectField name="target" label="Targeting" value={query.target} options={parties} />
        <SelectField name="type" label="Type" value={query.type[0]} options={enumOptions(Object.values(MeasureType))} />
        <SelectField name="status" label="Current status" value={query.status[0]} options={enumOptions(MEASURE_STATUSES, STATUS_LABELS)} />
        <TextField name="from" label="Changed from" value={query.from} placeholder="YYYY, YYYY-MM or YYYY-MM-DD" />
        <TextField name="to" label="Changed until" value={query.to} placeholder="YYYY, YYYY-MM or YYYY-MM-DD" />
        <SelectField name="sort" label="Sort by" value={list.sort} options={SORTS} anyLabel={null} />
        {asOf && <AsOfHiddenFields asOf={asOf} />}
      </FilterForm>

      <p className="mb-2 text-sm text-muted" role="status">
        {list.total === 0 ? "No trade measures match." : `${list.isTotalAtLeast ? "At least " : ""}${list.total} ${list.total === 1 ? "trade measure" : "trade measures"}${hasFilters ? " match" : ""}.`}
        {list.isTotalAtLeast && " The word is so common that only the latest developments were searched for the trade measures they name: add a word to narrow the search."}
      </p>
      {list.items.length > 0 && (
        <div className="overflow-x-auto">
          <Table caption="Trade measures, who imposes them on whom, and their current status">
            <TableHead>
                <ColumnHeader>Measure</ColumnHeader>
                <ColumnHeader>Imposed by → on</ColumnHeader>
                <ColumnHeader>Type</ColumnHeader>
                <ColumnHeader>Current status</ColumnHeader>
              </TableHead>
            <TableBody>
              {list.items.map((measure) => (
                <TableRow key={measure.slug}>
                  <TableCell>
                    <Link href={keep(subjectHref("MEASURE", measure.slug))} className="font-semibold">
                      {measure.title}
                    </Link>
                  </TableCell>
                  <TableCell>
                    <Link href={keep(`/parties/${measure.imposingParty.code}`)}>{measure.imposingParty.name}</Link>
                    {" → "}
                    {measure.targets.map((party, index) => (
                      <span key={party.code}>
                        {index > 0 && ", "}
                        <Link href={keep(`/parties/${party.code}`)}>{party.name}</Link>
                      </span>
                    ))}
                  </TableCell>
                  <TableCell>{humanize(measure.measureType)}</TableCell>
                  <TableCell>
                    <CurrentStatus current={measure.current} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <PaginationNav path="/measures" query={state} nextCursor={list.nextCursor} label="Trade measure pages" />
    </section>
  );
}
