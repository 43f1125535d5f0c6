import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { enumOptions, FilterForm, humanize, SelectField, TextField } from "@/components/filter-form";
import { PaginationNav } from "@/components/pagination-nav";
import { Reliability, SourceKind } from "@/lib/generated/prisma/enums";
import { RELIABILITY_GRADES } from "@/lib/domain/admiralty-grades";
import { formatOccurred, toLocalIsoDate } from "@/lib/domain/dates";
import { parseQueryLeniently, ZSourceListQuery } from "@/lib/schemas/reader-queries";
import { toSearchParams } from "@/lib/schemas/to-search-params";
import { listSources, SOURCE_CANDIDATES } from "@/lib/server/sources/list-sources";
import { getCurrentActor } from "@/lib/server/session";
import { orNotFound } from "../_shared/load";
import { UNDERLINED_LINKS } from "@/components/underlined-links";
import { AsOfBanner, AsOfHiddenFields } from "@/components/as-of-banner";
import { asOfParams, keepAsOf } from "@/lib/domain/as-of-link";
import { listAsOf } from "../_shared/as-of-param";

export const metadata: Metadata = {
  title: "Sources",
  description: "Every report, government statement and treaty text Pactwatch cites, with its reliability grade and what cites it.",
};

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SourcesPage({ searchParams }: TProps) {
  await connection();
  const { query, errors } = parseQueryLeniently(ZSourceListQuery, await searchParams);
  const asOf = listAsOf(query);
  const list = await orNotFound(listSources(await getCurrentActor(), query, { cursor: query.cursor, limit: query.limit, asOf }));
  // The parsed asOf is not text: the links carry it as the instant it was read at.
  const state = new URLSearchParams({ ...Object.fromEntries(toSearchParams(ZSourceListQuery, query, { omit: ["asOf", "axis"] })), ...asOfParams(asOf) });
  const reliabilityOptions = Object.values(Reliability).map((grade) => ({ value: grade, label: `${grade}: ${RELIABILITY_GRADES[grade].label}` }));

  return (
    <section aria-labelledby="sources-heading" className={UNDERLINED_LINKS}>
      <h1 id="sources-heading" className="mb-4 font-serif text-3xl font-bold">
        Sources
      </h1>
      <AsOfBanner asOf={asOf} timeZone="UTC" presentHref="/sources" invalid={Boolean(errors.asOf || errors.axis)} hidden={state} />
      {asOf && <p className="mt-2 text-sm text-muted">Only the sources published by then are listed, each counted by the developments that cited it then.</p>}
      <FilterForm action="/sources" clearHref={keepAsOf("/sources", asOf)} label="Search and filter sources" errors={errors}>
        <TextField name="q" label="Search" value={query.q} placeholder="title or publisher, e.g. Yonhap" wide />
        <SelectField name="kind" label="Kind" value={query.kind[0]} options={enumOptions(Object.values(SourceKind))} />
        <SelectField name="reliability" label="Reliability" value={query.reliability[0]} options={reliabilityOptions} />
        <TextField name="from" label="Published from" value={query.from} placeholder="YYYY, YYYY-MM or YYYY-MM-DD" />
        <TextField name="to" label="Published until" value={query.to} placeholder="YYYY, YYYY-MM or YYYY-MM-DD" />
        <SelectField
          name="sort"
          label="Sort by"
          value={list.sort}
          anyLabel={null}
          options={[
            { value: "relevance", label: "Best match (with a search)" },
            { value: "newest", label: "Newest first" },
            { value: "title", label: "Title" },
          ]}
        />
        {asOf && <AsOfHiddenFields asOf={asOf} />}
      </FilterForm>
      {list.isRankCut && (
        <p className="mb-2 text-sm text-muted" role="status">
          More than {SOURCE_CANDIDATES} sources match: the best matches are ranked among the first {SOURCE_CANDIDATES} found. Sort by newest or title to list them all, or add a word.
        </p>
      )}
      {list.items.length === 0 ? (
        <p>No sources match.</p>
      ) : (
        <ol className="divide-y divide-rule">
          {list.items.map((source) => (
            <li key={source.id} className="py-3">
              <p>
                <span className="font-semibold">{source.publisher}</span>
                {", "}
                <Link href={keepAsOf(`/sources/${source.id}`, asOf)} className="italic">
                  {source.title}
                </Link>
                {source.publishedAt && (
                  <>
                    {", "}
                    <time dateTime={toLocalIsoDate(source.publishedAt, "UTC")}>{formatOccurred(source.publishedAt, "DAY", "UTC")}</time>
                  </>
                )}
              </p>
              <p className="text-sm text-muted">
                {humanize(source.kind)} · reliability {source.reliability} ({RELIABILITY_GRADES[source.reliability].label.toLowerCase()}) · cited{" "}
                {source.citations} {source.citations === 1 ? "time" : "times"}
                {asOf && " then"}
                {source.retiredAt && " · retired"}
              </p>
            </li>
          ))}
        </ol>
      )}
      <PaginationNav path="/sources" query={state} nextCursor={list.nextCursor} label="Source pages" />
    </section>
  );
}
