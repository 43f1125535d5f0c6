import type { Metadata } from "next";
import { connection } from "next/server";
import { enumOptions, FilterForm, SelectField, TextField } from "@/components/filter-form";
import { PaginationNav } from "@/components/pagination-nav";
import { SubscribeLinks } from "@/components/subscribe-links";
import { UNDERLINED_LINKS } from "@/components/underlined-links";
import { CORRECTION_TYPES, CORRECTION_TYPE_LABELS, LOGGED_KINDS, REVISION_KIND_LABELS } from "@/lib/domain/corrections";
import { parseQueryLeniently, ZCorrectionsQuery } from "@/lib/schemas/reader-queries";
import { toSearchParams } from "@/lib/schemas/to-search-params";
import { listCorrectedSubjects } from "@/lib/server/corrections/list-corrected-subjects";
import { listCorrections } from "@/lib/server/corrections/list-corrections";
import { getCurrentActor } from "@/lib/server/session";
import { orNotFound } from "../_shared/load";
import { CorrectionItem } from "@/components/correction-item";
import { AsOfBanner, AsOfHiddenFields } from "@/components/as-of-banner";
import { asOfParams, keepAsOf } from "@/lib/domain/as-of-link";
import { listAsOf } from "../_shared/as-of-param";

export const metadata: Metadata = {
  title: "Corrections",
  description: "Every correction, source erratum and retraction of a published development in Pactwatch's record, newest first: what was wrong, what it is now, and why.",
  alternates: { types: { "application/atom+xml": [{ url: "/feeds/corrections.atom", title: "Pactwatch: corrections" }] } },
};

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The public corrections log (issue 12), filtered by a GET form that needs no JavaScript; with
 * asOf, the log as it stood then: what was recorded by that instant, on either axis (decision 036).
 */
export default async function CorrectionsPage({ searchParams }: TProps) {
  await connection();
  const { query, errors } = parseQueryLeniently(ZCorrectionsQuery, await searchParams);
  const actor = await getCurrentActor();
  const asOf = listAsOf(query);
  const [page, subjects] = await Promise.all([orNotFound(listCorrections(actor, query)), listCorrectedSubjects(actor)]);
  // The parsed asOf is not text: the links carry it as the instant it was read at.
  const withAsOf = (params: URLSearchParams) => new URLSearchParams({ ...Object.fromEntries(params), ...asOfParams(asOf) });
  const paging = withAsOf(toSearchParams(ZCorrectionsQuery, query, { omit: ["asOf", "axis"] }));
  const filterQuery = withAsOf(toSearchParams(ZCorrectionsQuery, query, { omit: ["cursor", "limit", "asOf", "axis"] })).toString();
  return (
    <section aria-labelledby="corrections-heading" className={UNDERLINED_LINKS}>
      <h1 id="corrections-heading" className="mb-2 font-serif text-3xl font-bold">
        Corrections
      </h1>
      <AsOfBanner asOf={asOf} timeZone="UTC" presentHref="/corrections" invalid={Boolean(errors.asOf || errors.axis)} hidden={paging} />
      <p className="mb-2 max-w-prose">
        Every correction, source erratum and retraction of a published development, newest first. Clarifications of wording are kept on each development&apos;s
        revision history, not here.{asOf && " As of a past instant, those recorded by then, on either axis: a correction is an act of the record and has no other time."}
      </p>
      <div className="mb-4">
        <SubscribeLinks feed={`/feeds/corrections.atom${filterQuery ? `?${filterQuery}` : ""}`} feedLabel="Follow corrections (Atom feed)" exportQuery={filterQuery} exportBase="/exports/corrections" exportWhat="corrections" />
      </div>
      <FilterForm action="/corrections" clearHref={keepAsOf("/corrections", asOf)} label="Filter corrections" errors={errors}>
        <SelectField name="kind" label="Kind" value={query.kind} options={enumOptions(LOGGED_KINDS, REVISION_KIND_LABELS)} />
        <SelectField name="type" label="Type of correction" value={query.type} options={enumOptions(CORRECTION_TYPES, CORRECTION_TYPE_LABELS)} />
        <SelectField name="subject" label="Agreement or measure" value={query.subject} options={subjects} />
        <TextField name="from" label="Recorded from" value={query.from} placeholder="YYYY, YYYY-MM or YYYY-MM-DD" />
        <TextField name="to" label="Recorded until" value={query.to} placeholder="YYYY, YYYY-MM or YYYY-MM-DD" />
        {asOf && <AsOfHiddenFields asOf={asOf} />}
      </FilterForm>
      {page.items.length === 0 ? (
        <p>No corrections match.</p>
      ) : (
        <ol>
          {page.items.map((correction) => (
            <CorrectionItem key={correction.id} correction={correction} asOf={asOf} />
          ))}
        </ol>
      )}
      <PaginationNav path="/corrections" query={paging} nextCursor={page.nextCursor} label="Correction pages" />
    </section>
  );
}
