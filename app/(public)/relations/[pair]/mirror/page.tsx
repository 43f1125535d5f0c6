import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { humanize } from "@/components/filter-form";
import { MirrorChart, MirrorChartLegend } from "@/components/mirror-chart";
import { UNDERLINED_LINKS } from "@/components/underlined-links";
import { ColumnHeader, RowHeader, Table, TableBody, TableCell, TableHead, TableRow } from "@/components/ui/table";
import { formatIsoDate } from "@/lib/domain/dates";
import { describeLag, MIRROR_PROPOSAL_WINDOW_DAYS, type TMirrorMeasure } from "@/lib/domain/mirror-pairing";
import { ZPartyPair } from "@/lib/schemas/reader-queries";
import { canonicalPair } from "@/lib/server/relations/get-relation";
import { getMirror, type TMirror } from "@/lib/server/relations/get-mirror";
import { getCurrentActor } from "@/lib/server/session";
import { firstParam, orNotFound } from "../../../_shared/load";
import { AsOfBanner } from "@/components/as-of-banner";
import { keepAsOf } from "@/lib/domain/as-of-link";
import { readPageAsOf } from "../../../_shared/as-of-param";

type TProps = { params: Promise<{ pair: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

function parsePair(pair: string): [string, string] {
  const parsed = ZPartyPair.safeParse(decodeURIComponent(pair));
  if (!parsed.success) notFound();
  return canonicalPair(...parsed.data);
}

// One load per request for the page and its metadata, keyed by the strings. A relation has no
// zone of its own: dates and wall times of asOf are read in UTC (decision 036).
const load = cache(async (first: string, second: string, asOfText?: string, axis?: string) => {
  await connection();
  const { asOf } = readPageAsOf({ asOf: asOfText, axis });
  return orNotFound(getMirror(await getCurrentActor(), [first, second], asOf));
});

export async function generateMetadata({ params, searchParams }: TProps): Promise<Metadata> {
  const search = await searchParams;
  const mirror = await load(...parsePair((await params).pair), firstParam(search.asOf), firstParam(search.axis));
  const names = `${mirror.parties[0].name} and ${mirror.parties[1].name}`;
  const description = `Measures between ${names} paired with the answers to them, and the days between announcements, entries into force and liftings.`;
  return { title: `Mirror view: ${names}`, description, openGraph: { title: `Mirror view: ${names}`, description } };
}

export default async function MirrorPage({ params, searchParams }: TProps) {
  const search = await searchParams;
  const { asOf, invalid } = readPageAsOf(search);
  const keep = (href: string) => keepAsOf(href, asOf);
  const [first, second] = parsePair((await params).pair);
  if (`${first}-${second}` !== (await params).pair) permanentRedirect(keep(`/relations/${first}-${second}/mirror`));
  const mirror = await load(first, second, firstParam(search.asOf), firstParam(search.axis));
  const [partyA, partyB] = mirror.parties;
  const names = `${partyA.name} and ${partyB.name}`;
  const linked = mirror.pairs.filter((pair) => pair.basis === "LINKED").length;

  return (
    <div className={UNDERLINED_LINKS}>
      <p className="text-sm text-muted">
        <Link href={keep("/relations")}>Relations</Link> / <Link href={keep(`/relations/${mirror.pair}`)}>{mirror.pair}</Link> / mirror view
      </p>
      <h1 className="mt-1 font-serif text-3xl font-bold">Mirror view: {names}</h1>
      <AsOfBanner asOf={asOf} timeZone="UTC" presentHref={`/relations/${mirror.pair}/mirror`} invalid={invalid} />
      {asOf && (
        <p className="mt-2 text-sm text-muted">
          Only the measures on the record then are paired, with the liftings known then; {asOf.axis === "recorded" ? "links and dismissals made by then" : "today’s links and dismissals"} decide the pairs.
          The measures’ own dates show as recorded now.
        </p>
      )}
      <p className="mt-2 max-w-3xl">
        Each measure one party took against the other, beside the measure that answered it, with the days between their announcements, their entries into force and their liftings.
        A pair is <strong>linked</strong> when the record holds a “retaliation for” link from the answer to the original; it is <strong>proposed</strong> when two measures of the same
        type were announced within {MIRROR_PROPOSAL_WINDOW_DAYS} days of each other and no analyst has confirmed or dismissed the pairing yet.{" "}
        <Link href="/methodology#mirror-view">How pairs are found</Link>.
      </p>
      <p className="mt-1 text-sm text-muted">
        {mirror.pairs.length} {mirror.pairs.length === 1 ? "pair" : "pairs"} ({linked} linked, {mirror.pairs.length - linked} proposed) among {mirror.totalMeasures} measures either way.
        {mirror.isTruncated && ` Only the ${mirror.perSide} most recently announced measures each way are paired here.`}
      </p>
      {mirror.pairs.length > linked && (
        <p className="mt-1 text-sm">
          Analysts confirm or dismiss proposed pairs <Link href={`/desk/relations/${mirror.pair}/mirror`}>at the desk</Link>{asOf ? " (as the record stands now)" : ""}.
        </p>
      )}

      {mirror.pairs.length === 0 ? (
        <p className="mt-6">No measure between {names} is paired with an answer yet.</p>
      ) : (
        <>
          <section aria-labelledby="chart-heading" className="mt-8">
            <h2 id="chart-heading" className="font-serif text-2xl font-bold">
              The pairs on one time axis
            </h2>
            <figure className="mt-3" aria-labelledby="mirror-chart-caption">
              <figcaption id="mirror-chart-caption" className="text-sm text-muted">
                Each pair: the original measure above, its answer below. The table that follows holds the same facts.
              </figcaption>
              <div className="mt-2 overflow-x-auto" tabIndex={0} role="group" aria-labelledby="mirror-chart-caption">
                <div className="min-w-[640px]">
                  <MirrorChart id="mirror-chart" pairs={mirror.pairs} title={`Mirror pairs between ${names}, with the lags between them`} />
                </div>
              </div>
              <MirrorChartLegend />
            </figure>
          </section>
          <PairsTable mirror={mirror} />
        </>
      )}

      <section aria-labelledby="unpaired-heading" className="mt-8">
        <h2 id="unpaired-heading" className="font-serif text-2xl font-bold">
          Measures without a pair ({mirror.unpaired.length})
        </h2>
        {mirror.unpaired.length === 0 ? (
          <p className="mt-2 text-sm">Every measure is paired.</p>
        ) : (
          <ul className="mt-2 divide-y divide-rule">
            {mirror.unpaired.map((measure) => (
              <li key={measure.id} className="py-2">
                <Link href={keepAsOf(measure.href, mirror.asOf)} className="font-semibold">
                  {measure.title}
                </Link>{" "}
                <span className="text-sm text-muted">
                  {measure.imposingCode} · {humanize(measure.measureType)}
                  {measure.announcedOn && ` · announced ${formatIsoDate(measure.announcedOn)}`}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <p className="mt-8 text-sm">
        <Link href={keep(`/relations/${mirror.pair}`)}>Back to everything between {names}</Link> · <Link href={keep(`/api/v1/relations/${mirror.pair}/mirror`)}>This view as JSON</Link>
      </p>
    </div>
  );
}

const dated = (measure: TMirrorMeasure, date: string | null) => (date ? `${measure.imposingCode}: ${formatIsoDate(date)}` : `${measure.imposingCode}: —`);

function PairsTable({ mirror }: { mirror: TMirror }) {
  const stages = [
    { key: "announcement", label: "Announced", date: (measure: TMirrorMeasure) => measure.announcedOn },
    { key: "inForce", label: "In force", date: (measure: TMirrorMeasure) => measure.inForceOn },
    { key: "lifting", label: "Lifted", date: (measure: TMirrorMeasure) => measure.liftedOn },
  ] as const;
  return (
    <section aria-labelledby="pairs-heading" className="mt-8">
      <h2 id="pairs-heading" className="font-serif text-2xl font-bold">
        The pairs and their lags
      </h2>
      <div className="mt-2 overflow-x-auto">
        <Table caption={`Mirror pairs between ${mirror.parties[0].name} and ${mirror.parties[1].name}: each answer's dates and its lag behind the original`}>
          <TableHead>
            <ColumnHeader>Original, then its answer</ColumnHeader>
            <ColumnHeader>Basis</ColumnHeader>
            {stages.map((stage) => (
              <ColumnHeader key={stage.key}>{stage.label}</ColumnHeader>
            ))}
          </TableHead>
          <TableBody>
            {mirror.pairs.map((pair, index) => (
              <TableRow key={`${pair.original.id}-${pair.answer.id}`}>
                <RowHeader className="font-normal">
                  Pair {index + 1}: <Link href={keepAsOf(pair.original.href, mirror.asOf)}>{pair.original.title}</Link> ({pair.original.imposingCode})
                  <br />
                  answered by <Link href={keepAsOf(pair.answer.href, mirror.asOf)}>{pair.answer.title}</Link> ({pair.answer.imposingCode})
                </RowHeader>
                <TableCell>{pair.basis === "LINKED" ? "Linked as retaliation" : "Proposed, not confirmed"}</TableCell>
                {stages.map((stage) => (
                  <TableCell key={stage.key}>
                    {dated(pair.original, stage.date(pair.original))}
                    <br />
                    {dated(pair.answer, stage.date(pair.answer))}
                    <br />
                    <strong>{describeLag(pair.lags[stage.key])}</strong>
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </section>
  );
}
