import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { CurrentStatus } from "@/components/current-status";
import { humanize } from "@/components/filter-form";
import { StatusTimeline } from "@/components/status-timeline";
import { ConditionsSection } from "@/components/conditions-section";
import { conditionBreaches, listSubjectConditions } from "@/lib/server/conditions/list-subject-conditions";
import { SubscribeLinks } from "@/components/subscribe-links";
import { ZPartyPair } from "@/lib/schemas/reader-queries";
import { canonicalPair, getRelation, MAX_TIMELINE_LANES, RELATION_LANE_WINDOW, RELATION_LISTS, type TRelationList } from "@/lib/server/relations/get-relation";
import { getCurrentActor } from "@/lib/server/session";
import { listPublishedChanges } from "@/lib/server/status-changes/list-published-changes";
import { HistorySection } from "../../_shared/history-section";
import { firstParam, orNotFound } from "../../_shared/load";
import { UNDERLINED_LINKS } from "@/components/underlined-links";
import { ColumnHeader, RowHeader, Table, TableBody, TableCell, TableHead, TableRow } from "@/components/ui/table";
import { PaginationNav } from "@/components/pagination-nav";
import { AsOfBanner } from "@/components/as-of-banner";
import { asOfParams, keepAsOf, type TAsOfParams } from "@/lib/domain/as-of-link";
import { readPageAsOf } from "../../_shared/as-of-param";

type TProps = { params: Promise<{ pair: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

function parsePair(pair: string): [string, string] {
  const parsed = ZPartyPair.safeParse(decodeURIComponent(pair));
  if (!parsed.success) notFound();
  return parsed.data;
}

/** The query parameter holding each list's page cursor. */
const CURSOR_PARAM: Record<TRelationList, string> = { agreements: "agreementsCursor", first: "firstCursor", second: "secondCursor" };

// One load per request for the page and its metadata; the lists' cursors are part of the key.
const load = cache(async (first: string, second: string, asOfText?: string, axis?: string, agreements?: string, firstCursor?: string, secondCursor?: string) => {
  await connection();
  const { asOf } = readPageAsOf({ asOf: asOfText, axis });
  return orNotFound(getRelation(await getCurrentActor(), [first, second], { cursors: { agreements, first: firstCursor, second: secondCursor }, asOf }));
});

/** The asOf text and axis as the load's key. */
function asOfKey(search: Record<string, string | string[] | undefined>): [string?, string?] {
  return [firstParam(search.asOf), firstParam(search.axis)];
}

function listCursors(search: Record<string, string | string[] | undefined>): [string?, string?, string?] {
  return RELATION_LISTS.map((list) => firstParam(search[CURSOR_PARAM[list]])) as [string?, string?, string?];
}

export async function generateMetadata({ params, searchParams }: TProps): Promise<Metadata> {
  const [first, second] = canonicalPair(...parsePair((await params).pair));
  const search = await searchParams;
  const relation = await load(first, second, ...asOfKey(search), ...listCursors(search));
  const names = `${relation.parties[0].name} and ${relation.parties[1].name}`;
  const description = `Everything between ${names}: ${relation.lists.agreements.total} shared agreements, ${relation.lists.first.total + relation.lists.second.total} trade measures either way, and one merged timeline.`;
  return {
    title: `Relations between ${names}`,
    description,
    openGraph: { title: `Relations between ${names}`, description },
    alternates: { types: { "application/atom+xml": [{ url: `/feeds/relations/${relation.pair}.atom`, title: `${names}: developments` }] } },
  };
}

export default async function RelationPage({ params, searchParams }: TProps) {
  const requested = parsePair((await params).pair);
  const [first, second] = canonicalPair(...requested);
  // KOR-JPN and jpn-kor are the same relation: one canonical address, JPN-KOR.
  const search = await searchParams;
  const { asOf, invalid } = readPageAsOf(search);
  if (`${first}-${second}` !== (await params).pair) permanentRedirect(keepAsOf(`/relations/${first}-${second}`, asOf));
  const cursor = firstParam(search.cursor);
  const cursors = listCursors(search);
  const actor = await getCurrentActor();
  const [relation, history] = await Promise.all([load(first, second, ...asOfKey(search), ...cursors), orNotFound(listPublishedChanges(actor, { pair: [first, second] }, { cursor, asOf }))]);
  const [partyA, partyB] = relation.parties;
  const now = asOf?.instant ?? new Date();
  const keep = (href: string) => keepAsOf(href, asOf);
  // The conditions of the subjects drawn on the timeline (a bounded set of lanes); as of an
  // instant, those and the states that stood then (lib/domain/condition-as-of.ts).
  const conditions = await listSubjectConditions(
    actor,
    {
      agreementSlugs: relation.lanes.filter((lane) => lane.kind === "AGREEMENT").map((lane) => lane.slug),
      measureSlugs: relation.lanes.filter((lane) => lane.kind !== "AGREEMENT").map((lane) => lane.slug),
    },
    asOf ?? undefined,
  );
  const breaches = conditionBreaches(conditions);
  const { lists } = relation;
  const query = { cursor, ...Object.fromEntries(RELATION_LISTS.map((list, index) => [CURSOR_PARAM[list], cursors[index]])), ...asOfParams(asOf) };
  const measureCount = lists.first.total + lists.second.total;
  const totals = relation.years.reduce((sum, year) => ({ escalations: sum.escalations + year.escalations, deEscalations: sum.deEscalations + year.deEscalations }), { escalations: 0, deEscalations: 0 });
  const hidden = lists.agreements.total + measureCount - relation.lanes.length;
  const listProps = (list: TRelationList) => ({ page: lists[list], path: `/relations/${relation.pair}`, query, cursorParam: CURSOR_PARAM[list], asOf });

  return (
    <div className={UNDERLINED_LINKS}>
      <p className="text-sm text-muted">
        <Link href={keep("/relations")}>Relations</Link> / {relation.pair}
      </p>
      <h1 className="mt-1 font-serif text-3xl font-bold">
        <Link href={keep(`/parties/${partyA.code}`)}>{partyA.name}</Link> and <Link href={keep(`/parties/${partyB.code}`)}>{partyB.name}</Link>
      </h1>

      <AsOfBanner asOf={asOf} timeZone="UTC" presentHref={`/relations/${relation.pair}`} invalid={invalid} />
      <p className="mt-1 text-sm text-muted">
        {lists.agreements.total} shared {lists.agreements.total === 1 ? "agreement" : "agreements"}, {measureCount} trade{" "}
        {measureCount === 1 ? "measure" : "measures"} either way; {totals.escalations} escalations and {totals.deEscalations} de-escalations recorded.
      </p>
      <p className="mt-1 text-sm">
        <Link href={keep(`/relations/${relation.pair}/mirror`)}>Mirror view: which measure answered which, and how many days later</Link>
      </p>
      <div className="mt-3">
        <SubscribeLinks
          feed={keep(`/feeds/relations/${relation.pair}.atom`)}
          feedLabel="Follow this relation (Atom feed)"
          exportQuery={new URLSearchParams({ pair: relation.pair, ...asOfParams(asOf) }).toString()}
        />
      </div>

      <section aria-labelledby="timeline-heading" className="mt-8">
        <h2 id="timeline-heading" className="font-serif text-2xl font-bold">
          One timeline
        </h2>
        {relation.lanes.length === 0 ? (
          <p className="mt-2 text-sm">Nothing between {partyA.name} and {partyB.name} is tracked yet.</p>
        ) : (
          <StatusTimeline
            id="relation-timeline"
            now={now}
            caption={`Agreements and trade measures between ${partyA.name} and ${partyB.name}, one row each, with a marker for every published development${relation.lanes.some((lane) => lane.skeletonTruncated) ? ` (a row with more than ${RELATION_LANE_WINDOW} starts at its latest ${RELATION_LANE_WINDOW}; the history below has every one)` : ""}.${hidden > 0 ? ` The ${MAX_TIMELINE_LANES} most recently active are drawn; ${hidden} more are listed below.` : ""}`}
            lanes={relation.lanes.map((lane) => ({
              key: lane.slug,
              label: lane.kind === "AGREEMENT" ? lane.name : `${lane.imposingCode === partyA.code ? `${partyA.code} → ${partyB.code}` : `${partyB.code} → ${partyA.code}`}: ${lane.name}`,
              href: keep(lane.href),
              timeZone: lane.skeleton?.[0]?.timeZone ?? "UTC",
              timeline: lane.timeline!,
              changes: lane.skeleton ?? [],
              breaches: breaches.filter((breach) => breach.subject.kind === lane.kind && breach.subject.slug === lane.slug),
            }))}
          />
        )}
      </section>

      <ConditionsSection conditions={conditions} showSubject asOf={asOf ?? undefined} />

      <div className="mt-8 grid gap-8 md:grid-cols-2">
        <SubjectList id="agreements" title="Shared agreements" {...listProps("agreements")} empty="No shared agreement is tracked." all={keep(`/agreements?party=${partyA.code}&party=${partyB.code}`)} />
        <div className="space-y-8">
          <SubjectList id="measures-a" title={`Measures ${partyA.name} imposes on ${partyB.name}`} {...listProps("first")} empty="None tracked." all={keep(`/measures?imposing=${partyA.code}&target=${partyB.code}`)} />
          <SubjectList id="measures-b" title={`Measures ${partyB.name} imposes on ${partyA.name}`} {...listProps("second")} empty="None tracked." all={keep(`/measures?imposing=${partyB.code}&target=${partyA.code}`)} />
        </div>
      </div>

      <section aria-labelledby="years-heading" className="mt-8">
        <h2 id="years-heading" className="font-serif text-2xl font-bold">
          Escalations and de-escalations by year
        </h2>
        {relation.years.length === 0 ? (
          <p className="mt-2 text-sm">No developments yet.</p>
        ) : (
          <div className="overflow-x-auto">
            <Table caption={`Developments between ${partyA.name} and ${partyB.name} by year and direction`} isFullWidth={false} className="mt-2">
              <TableHead>
                  <ColumnHeader>Year</ColumnHeader>
                  <ColumnHeader className="text-right"><span aria-hidden="true">▲ </span>Escalations</ColumnHeader>
                  <ColumnHeader className="text-right"><span aria-hidden="true">▼ </span>De-escalations</ColumnHeader>
                  <ColumnHeader className="text-right"><span aria-hidden="true">○ </span>Neutral</ColumnHeader>
                </TableHead>
              <TableBody>
                {relation.years.map((year) => (
                  <TableRow key={year.year}>
                    <RowHeader className="font-normal">
                      <Link href={keep(`/developments?pair=${relation.pair}&from=${year.year}&to=${year.year}`)}>{year.year}</Link>
                    </RowHeader>
                    <TableCell className="text-right">{year.escalations}</TableCell>
                    <TableCell className="text-right">{year.deEscalations}</TableCell>
                    <TableCell className="text-right">{year.neutral}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </section>

      <HistorySection
        entries={history.entries}
        nextCursor={history.nextCursor}
        path={`/relations/${relation.pair}`}
        query={{ cursor }}
        showSubject
        intro={`Every development between ${partyA.name} and ${partyB.name}${asOf ? " that stood on the record at that instant" : ""}, newest first, by when it took effect.`}
        asOf={asOf}
      />
    </div>
  );
}

type TListPage = Awaited<ReturnType<typeof getRelation>>["lists"]["agreements"];

/** One list of the relation, a keyset page at a time (the most recently changed first), with a link to the full filtered list. */
function SubjectList({ id, title, page, path, query, cursorParam, empty, all, asOf }: {
  id: string;
  title: string;
  page: TListPage;
  path: string;
  query: Record<string, string | undefined>;
  cursorParam: string;
  empty: string;
  all: string;
  asOf?: TAsOfParams;
}) {
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="font-serif text-xl font-bold">
        {title} ({page.total})
      </h2>
      {page.items.length === 0 ? (
        <p className="mt-2 text-sm">{empty}</p>
      ) : (
        <ul className="mt-2 divide-y divide-rule">
          {page.items.map((item) => (
            <li key={item.slug} className="py-2">
              <Link href={keepAsOf(item.href, asOf)} className="font-semibold">
                {item.name}
              </Link>{" "}
              <span className="text-sm text-muted">{humanize(item.agreementKind ?? item.measureType ?? "")}</span>
              <div>
                <CurrentStatus current={item.current} />
              </div>
            </li>
          ))}
        </ul>
      )}
      <PaginationNav path={path} query={query} nextCursor={page.nextCursor} cursorParam={cursorParam} label={`${title}: pages`} anchor={`#${id}-heading`} />
      {page.total > page.items.length && (
        <p className="mt-2 text-sm">
          The most recently changed first. <Link href={all}>All {page.total} with filters →</Link>
        </p>
      )}
    </section>
  );
}
