import type { Metadata } from "next";
import { connection } from "next/server";
import { enumOptions, FilterForm, SelectField, TextField } from "@/components/filter-form";
import { PaginationNav } from "@/components/pagination-nav";
import { SubscribeLinks } from "@/components/subscribe-links";
import { HistoryEntry } from "@/components/history-entry";
import { Direction, Status } from "@/lib/generated/prisma/enums";
import { DIRECTION_LABELS, STATUS_LABELS } from "@/lib/domain/statuses";
import { CORROBORATION_LEVEL_LABELS, CORROBORATION_LEVELS } from "@/lib/domain/corroboration";
import { parseQueryLeniently, ZDevelopmentQuery, ZSavedDevelopmentSearch } from "@/lib/schemas/reader-queries";
import { toSearchParams } from "@/lib/schemas/to-search-params";
import { getCurrentActor } from "@/lib/server/session";
import { listPublishedChanges } from "@/lib/server/status-changes/list-published-changes";
import { orNotFound } from "../_shared/load";
import { partyOptions } from "../_shared/party-options";
import { UNDERLINED_LINKS } from "@/components/underlined-links";
import { AsOfBanner, AsOfHiddenFields } from "@/components/as-of-banner";
import { asOfParams, keepAsOf } from "@/lib/domain/as-of-link";
import { listAsOf } from "../_shared/as-of-param";

export const metadata: Metadata = {
  title: "All developments",
  description: "Every published development in Pactwatch's record, newest first, filtered by party, subject, status, direction, corroboration and date, with feeds and exports.",
  alternates: { types: { "application/atom+xml": [{ url: "/feeds/developments.atom", title: "Pactwatch: all developments" }] } },
};

// One level, or the two levels of two or more independent sources (decision 038).
const CORROBORATION_OPTIONS = [
  { value: "WELL_CORROBORATED,CORROBORATED", label: "Two or more independent sources" },
  ...CORROBORATION_LEVELS.map((level) => ({ value: level, label: CORROBORATION_LEVEL_LABELS[level] })),
];

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DevelopmentsPage({ searchParams }: TProps) {
  await connection();
  const { query, errors } = parseQueryLeniently(ZDevelopmentQuery, await searchParams);
  const actor = await getCurrentActor();
  const asOf = listAsOf(query);
  const [page, parties] = await Promise.all([orNotFound(listPublishedChanges(actor, query, { cursor: query.cursor, limit: query.limit, asOf })), partyOptions(actor)]);
  // The parsed asOf is not text: the links carry it as the instant it was read at.
  const withAsOf = (params: URLSearchParams) => new URLSearchParams({ ...Object.fromEntries(params), ...asOfParams(asOf) });
  const paging = withAsOf(toSearchParams(ZDevelopmentQuery, query, { omit: ["asOf", "axis"] }));
  // A subscription follows what is published from now on: the search, without paging or a past instant (decision 039).
  const searchQuery = toSearchParams(ZSavedDevelopmentSearch, query, { omit: ["state", "asOf", "axis", "cursor", "limit"] }).toString();
  const exportQuery = withAsOf(toSearchParams(ZDevelopmentQuery, query, { omit: ["cursor", "limit", "asOf", "axis"] })).toString();

  return (
    <section aria-labelledby="developments-heading" className={UNDERLINED_LINKS}>
      <h1 id="developments-heading" className="mb-2 font-serif text-3xl font-bold">
        All developments
      </h1>
      <AsOfBanner asOf={asOf} timeZone="UTC" presentHref="/developments" invalid={Boolean(errors.asOf || errors.axis)} hidden={paging} />
      <div className="mb-4">
        <SubscribeLinks feed={keepAsOf("/feeds/developments.atom", asOf)} feedLabel="Follow all developments (Atom feed)" exportQuery={exportQuery} />
        {/* A subscription tells of what is published from now on, so a past reading does not offer one. */}
        {asOf ? null : (
          <p className="mt-1 text-sm">
            <a href={`/account/subscriptions?search=${encodeURIComponent(searchQuery)}#subscribe-heading`}>Subscribe to this search</a>
            <span className="text-muted"> (email, webhook or a personal feed when a development matching these filters is published)</span>
          </p>
        )}
      </div>
      <FilterForm action="/developments" clearHref={keepAsOf("/developments", asOf)} label="Filter developments" errors={errors}>
        <TextField name="q" label="Search" value={query.q} placeholder="headline or text, e.g. intelligence" wide />
        <SelectField name="party" label="Party" value={query.party} options={parties} />
        <SelectField name="status" label="Status after the change" value={query.status[0]} options={enumOptions(Object.values(Status), STATUS_LABELS)} />
        <SelectField name="direction" label="Direction" value={query.direction[0]} options={enumOptions(Object.values(Direction), DIRECTION_LABELS)} />
        {/* Today's levels only: a past reading shows the rule's level of then (decision 038). */}
        {!query.asOf && <SelectField name="corroboration" label="Corroboration" value={query.corroboration.join(",")} options={CORROBORATION_OPTIONS} />}
        <TextField name="from" label="From" value={query.from} placeholder="YYYY, YYYY-MM or YYYY-MM-DD" />
        <TextField name="to" label="Until" value={query.to} placeholder="YYYY, YYYY-MM or YYYY-MM-DD" />
        <SelectField
          name="state"
          label="Retracted entries"
          value={query.state}
          anyLabel={null}
          options={[
            { value: "all", label: "Show, marked" },
            { value: "published", label: "Leave out" },
          ]}
        />
        <SelectField
          name="order"
          label="Order"
          value={query.order}
          anyLabel={null}
          options={[
            { value: "effective", label: "By when each took effect" },
            { value: "occurred", label: "By when each happened" },
          ]}
        />
        {query.agreement && <input type="hidden" name="agreement" value={query.agreement} />}
        {query.measure && <input type="hidden" name="measure" value={query.measure} />}
        {query.pair && <input type="hidden" name="pair" value={query.pair.join("-")} />}
        {asOf && <AsOfHiddenFields asOf={asOf} />}
      </FilterForm>
      {page.entries.length === 0 ? (
        <p>No developments match.</p>
      ) : (
        page.entries.map((entry) => (
          <HistoryEntry
            key={entry.id}
            entry={entry}
            mark={entry.schedule === "pending" ? { kind: "pending" } : entry.schedule === "cancelled" ? { kind: "cancelled", by: null } : null}
            subject={{ name: entry.subject.name, href: entry.subject.href }}
            linkTo="page"
            headingLevel={2}
            order={query.order === "occurred" ? "occurred" : "effective"}
            asOf={asOf}
          />
        ))
      )}
      <PaginationNav path="/developments" query={paging} nextCursor={page.nextCursor} label="Development pages" />
    </section>
  );
}
