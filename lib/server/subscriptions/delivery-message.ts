import "server-only";
import { STATUS_LABELS } from "../../domain/statuses";
import type { Status } from "../../generated/prisma/enums";
import type { TDeliveryRecord } from "./delivery-record";

// What a delivery says, by mail (plain text and HTML) and as a webhook's JSON body.

const KIND_WORDS = { PUBLISHED: "New development", CORRECTED: "Corrected", RETRACTED: "Retracted" } as const;
const label = (status: Status | null) => (status ? STATUS_LABELS[status] : "none recorded");
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

export type TDeliveryLinks = { development: string; unsubscribe: string };

/** The JSON a webhook receives (README "Webhooks"). */
export function deliveryPayload(delivery: TDeliveryRecord, links: TDeliveryLinks) {
  const entry = delivery.statusChange;
  return {
    deliveryId: delivery.id,
    subscriptionId: delivery.subscriptionId,
    kind: delivery.kind,
    development: {
      id: entry.id,
      headline: entry.headline,
      subject: entry.agreement ? { kind: "agreement", slug: entry.agreement.slug } : { kind: "measure", slug: entry.measure!.slug },
      statusBefore: delivery.statusBefore,
      statusAfter: delivery.statusAfter,
      direction: entry.direction,
      occurredAt: entry.occurredAt.toISOString(),
      effectiveAt: entry.effectiveAt?.toISOString() ?? null,
      version: delivery.entryVersion,
      retractionReason: entry.retractionReason,
      sources: entry.citations.map((citation) => ({ url: citation.source.url, title: citation.source.title, publisher: citation.source.publisher })),
      url: links.development,
    },
  };
}

/** Subject line, plain text and HTML of a delivery's mail. */
export function deliveryMail(delivery: TDeliveryRecord, links: TDeliveryLinks) {
  const entry = delivery.statusChange;
  const subjectName = entry.agreement ? (entry.agreement.shortName ?? entry.agreement.title) : entry.measure!.title;
  const change = `${label(delivery.statusBefore)} → ${label(delivery.statusAfter)}`;
  const subject = `${KIND_WORDS[delivery.kind]}: ${subjectName}: ${change}`;
  const sources = entry.citations.map((citation) => `${citation.source.title} (${citation.source.publisher}): ${citation.source.url}`);
  const text = [
    `${KIND_WORDS[delivery.kind]} on ${subjectName}`,
    "",
    entry.headline,
    `Status before: ${label(delivery.statusBefore)}`,
    `Status after: ${label(delivery.statusAfter)}`,
    ...(entry.retractionReason && delivery.kind === "RETRACTED" ? [`Retracted because: ${entry.retractionReason}`] : []),
    "",
    "Sources:",
    ...sources.map((line) => `- ${line}`),
    "",
    `Read it on Pactwatch: ${links.development}`,
    "",
    `Unsubscribe from these messages: ${links.unsubscribe}`,
  ].join("\n");
  const html = `<!doctype html><html lang="en"><body>
<h1>${escapeHtml(`${KIND_WORDS[delivery.kind]} on ${subjectName}`)}</h1>
<p><strong>${escapeHtml(entry.headline)}</strong></p>
<dl><dt>Status before</dt><dd>${escapeHtml(label(delivery.statusBefore))}</dd><dt>Status after</dt><dd>${escapeHtml(label(delivery.statusAfter))}</dd></dl>
${entry.retractionReason && delivery.kind === "RETRACTED" ? `<p>Retracted because: ${escapeHtml(entry.retractionReason)}</p>` : ""}
<h2>Sources</h2><ul>${entry.citations.map((citation) => `<li><a href="${escapeHtml(citation.source.url)}">${escapeHtml(citation.source.title)}</a> (${escapeHtml(citation.source.publisher)})</li>`).join("")}</ul>
<p><a href="${escapeHtml(links.development)}">Read it on Pactwatch</a></p>
<p><a href="${escapeHtml(links.unsubscribe)}">Unsubscribe from these messages</a></p>
</body></html>`;
  return { subject, text, html };
}
