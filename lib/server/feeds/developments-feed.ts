import "server-only";
import { formatOccurred } from "../../domain/dates";
import { STATUS_LABELS } from "../../domain/statuses";
import { formatAdmiraltyGrade, isCredibility } from "../../domain/admiralty-grades";
import { getAppEnv } from "../env";
import type { TReaderEntry } from "../history-sql";
import type { TActor } from "../permissions";
import { listPublishedChanges } from "../status-changes/list-published-changes";
import { CONDITION_STATE_LABELS } from "../../domain/condition-states";
import { listSubjectConditions, type TReaderCondition } from "../conditions/list-subject-conditions";
import { atomDocument, escapeHtml as escape } from "./atom-document";
import { getFeedSubject, type TFeedScope } from "./get-feed-subject";
import type { TAsOf } from "../as-of-sql";
import { keepAsOf } from "../../domain/as-of-link";

/** How many developments a feed carries: the most recent by when they happened. */
export const FEED_SIZE = 50;

/**
 * An Atom document (RFC 4287, lib/server/feeds/atom-document.ts) of the latest developments in scope:
 * each entry links to its permanent page, says its status, dates and body, and lists its sources.
 * A retracted entry stays, retitled, and updated at its retraction, so subscribers see the correction.
 */
export async function buildDevelopmentsFeed(actor: TActor, scope: TFeedScope, requestOrigin: string, asOf?: TAsOf): Promise<string> {
  const origin = (getAppEnv().PUBLIC_URL ?? requestOrigin).replace(/\/$/, "");
  const subject = await getFeedSubject(actor, scope);
  const keep = (path: string) => keepAsOf(path, asOf);
  const { entries } = await listPublishedChanges(actor, { ...subject.filters, order: "occurred" }, { limit: FEED_SIZE, asOf });
  // A development's conditions travel in its entry; a newly recorded state updates the entry, so
  // subscribers see a breach when it is recorded. As of an instant, the states that stood then.
  const conditions = entries.length ? await listSubjectConditions(actor, { statusChangeIds: entries.map((entry) => entry.id) }, asOf) : [];
  const conditionsOf = (entry: TReaderEntry) => conditions.filter((condition) => condition.development.id === entry.id);
  const updatedOf = (entry: TReaderEntry) => {
    const own = entry.retractedAt ?? entry.revisions.last ?? entry.publishedAt ?? entry.occurredAt;
    const recorded = conditionsOf(entry).flatMap((condition) => condition.states.map((state) => state.createdAt));
    const latest = recorded.reduce((latest, at) => (at > latest ? at : latest), own);
    // As of an instant nothing later than it can have updated the entry.
    return asOf && latest > asOf.instant ? asOf.instant : latest;
  };
  return atomDocument({
    id: `${origin}${keep(subject.feedPath)}`,
    title: asOf ? `${subject.title}, as of ${asOf.instant.toISOString()} (${asOf.axis})` : subject.title,
    subtitle: "Sourced developments in agreements and trade measures between states, as recorded by Pactwatch.",
    alternateLink: `${origin}${keep(subject.pagePath)}`,
    selfLink: `${origin}${keep(subject.feedPath)}`,
    updated: entries.reduce<Date>((latest, entry) => (updatedOf(entry) > latest ? updatedOf(entry) : latest), new Date(0)),
    author: { name: "Pactwatch", uri: origin },
    rights: "Pactwatch; quotations belong to their publishers",
    entries: entries.map((entry) => ({
      id: `urn:uuid:${entry.id}`,
      title: `${entry.state === "RETRACTED" ? "[Retracted] " : ""}${entry.subject.name}: ${entry.headline}`,
      link: `${origin}${keep(`/developments/${entry.id}`)}`,
      updated: updatedOf(entry),
      published: entry.publishedAt ?? entry.occurredAt,
      summary: `${formatOccurred(entry.occurredAt, entry.occurredPrecision, entry.timeZone)}: ${STATUS_LABELS[entry.status]}. ${entry.headline}`,
      contentHtml: contentOf(entry, origin) + conditionsHtml(conditionsOf(entry)),
      categories: [{ term: entry.status, label: STATUS_LABELS[entry.status] }, { term: entry.direction.toLowerCase() }],
    })),
  });
}

function contentOf(entry: TReaderEntry, origin: string): string {
  const parts = [
    `<p><strong>${escape(formatOccurred(entry.occurredAt, entry.occurredPrecision, entry.timeZone))}</strong> · ${escape(STATUS_LABELS[entry.status])} · <a href="${escape(`${origin}${entry.subject.href}`)}">${escape(entry.subject.name)}</a></p>`,
  ];
  if (entry.state === "RETRACTED") parts.push(`<p><strong>Retracted</strong>${entry.retractionReason ? `: ${escape(entry.retractionReason)}` : ""}. It no longer counts for the current status.</p>`);
  if (entry.schedule === "cancelled") parts.push("<p>This scheduled change did not take effect: it was cancelled.</p>");
  if (entry.body) parts.push(...entry.body.split(/\n{2,}/).map((paragraph) => `<p>${escape(paragraph)}</p>`));
  const sources = entry.citations.map((citation) => {
    const grade = isCredibility(citation.credibility) ? formatAdmiraltyGrade(citation.source.reliability, citation.credibility) : citation.source.reliability;
    const quote = citation.quote ? ` “${escape(citation.quote)}”` : "";
    return `<li>${escape(citation.source.publisher)}, <a href="${escape(citation.source.url)}">${escape(citation.source.title)}</a> [${escape(grade)}]${quote}</li>`;
  });
  parts.push(`<p>Sources:</p><ul>${sources.join("")}</ul>`);
  return parts.join("\n");
}

function conditionsHtml(conditions: TReaderCondition[]): string {
  if (conditions.length === 0) return "";
  const items = conditions.map((condition) => {
    const states = condition.states.map(
      (state) => `<li>${escape(CONDITION_STATE_LABELS[state.state])} from ${escape(formatOccurred(state.occurredAt, state.occurredPrecision, state.timeZone))}${state.note ? `: ${escape(state.note)}` : ""}</li>`,
    );
    const current = condition.currentState ? ` [${escape(CONDITION_STATE_LABELS[condition.currentState])}]` : "";
    return `<li>${escape(condition.statement)}${current}<ul>${states.join("")}</ul></li>`;
  });
  return `\n<p>Conditions:</p><ul>${items.join("")}</ul>`;
}
