import "server-only";
import { CORRECTION_TYPE_LABELS, REVISION_KIND_LABELS } from "../../domain/corrections";
import { wrongAndNow } from "../../domain/revision-text";
import type { TCorrectionsQuery } from "../../schemas/reader-queries";
import { keepAsOf, type TAsOfParams } from "../../domain/as-of-link";
import { asOfFromQuery } from "../as-of-sql";
import { listCorrections, type TCorrection } from "../corrections/list-corrections";
import { getAppEnv } from "../env";
import type { TActor } from "../permissions";
import { atomDocument, escapeHtml as escape } from "./atom-document";
import { FEED_SIZE } from "./developments-feed";

function kindText(correction: TCorrection): string {
  return `${REVISION_KIND_LABELS[correction.kind]}${correction.correctionType ? ` (${CORRECTION_TYPE_LABELS[correction.correctionType]})` : ""}`;
}

function contentOf(correction: TCorrection, origin: string, asOf: TAsOfParams | undefined): string {
  const { wrong, now } = wrongAndNow(correction.diff, correction.before, correction.after);
  const list = (lines: string[]) => `<ul>${lines.map((line) => `<li>${escape(line)}</li>`).join("")}</ul>`;
  return [
    `<p><strong>${escape(kindText(correction))}</strong> of <a href="${escape(`${origin}${keepAsOf(`/developments/${correction.entry.id}`, asOf)}`)}">${escape(correction.entry.headline)}</a> (${escape(correction.entry.subject.name)})</p>`,
    correction.reason ? `<p>Why: ${escape(correction.reason)}</p>` : "",
    wrong.length ? `<p>What was wrong:</p>${list(wrong)}<p>What it is now:</p>${list(now)}` : "",
    `<p><a href="${escape(`${origin}/developments/${correction.entry.id}/revisions#version-${correction.version}`)}">Every version of this development</a></p>`,
  ].filter(Boolean).join("\n");
}

/**
 * The corrections log as Atom, filtered as /corrections: the latest FEED_SIZE corrections, errata
 * and retractions; with asOf, those recorded by then (`search`, the feed's own query, keeps it).
 */
export async function buildCorrectionsFeed(actor: TActor, query: Partial<TCorrectionsQuery>, requestOrigin: string, search: string): Promise<string> {
  const origin = (getAppEnv().PUBLIC_URL ?? requestOrigin).replace(/\/$/, "");
  const asOf = asOfFromQuery(query);
  const { items } = await listCorrections(actor, { ...query, cursor: undefined, limit: FEED_SIZE });
  return atomDocument({
    id: `${origin}/feeds/corrections.atom${search}`,
    title: asOf ? `Pactwatch corrections, as of ${asOf.instant.toISOString()} (${asOf.axis})` : "Pactwatch corrections",
    subtitle: "Every correction, source erratum and retraction of a published development, newest first.",
    alternateLink: `${origin}/corrections${search}`,
    selfLink: `${origin}/feeds/corrections.atom${search}`,
    updated: items[0]?.recordedAt ?? new Date(0),
    author: { name: "Pactwatch", uri: origin },
    rights: "Pactwatch; quotations belong to their publishers",
    entries: items.map((correction) => ({
      id: `urn:uuid:${correction.id}`,
      title: `${kindText(correction)}: ${correction.entry.subject.name}: ${correction.entry.headline}`,
      link: `${origin}/developments/${correction.entry.id}/revisions#version-${correction.version}`,
      updated: correction.recordedAt,
      published: correction.recordedAt,
      summary: correction.reason ?? kindText(correction),
      contentHtml: contentOf(correction, origin, asOf),
      categories: [{ term: correction.kind, label: REVISION_KIND_LABELS[correction.kind] }, ...(correction.correctionType ? [{ term: correction.correctionType, label: CORRECTION_TYPE_LABELS[correction.correctionType] }] : [])],
    })),
  });
}
