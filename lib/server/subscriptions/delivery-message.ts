import "server-only";
import type { TDeliveryRecord } from "./delivery-record";
import type { TDeliveryStory } from "./delivery-story";

// What a delivery says, by mail (plain text and HTML) and as a webhook's JSON body; a daily
// digest's mail is the same sections, one per delivery.

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

export type TDeliveryLinks = { origin: string; unsubscribe: string };

/** The JSON a webhook receives (README "Webhooks"). */
export function deliveryPayload(delivery: TDeliveryRecord, story: TDeliveryStory, links: TDeliveryLinks) {
  const entry = delivery.statusChange;
  return {
    deliveryId: delivery.id,
    subscriptionId: delivery.subscriptionId,
    kind: delivery.kind,
    url: `${links.origin}${story.path}`,
    /** SEARCH: the saved search this answers, in words. */
    search: delivery.subscription.searchLabel,
    development: entry && {
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
      sources: story.sources,
      url: `${links.origin}/developments/${entry.id}`,
    },
    /** DEADLINE_APPROACHING: the deadline (a notice deadline when development is null). */
    deadline: delivery.deadlineAt && { at: delivery.deadlineAt.toISOString(), isNoticeDeadline: entry === null, status: delivery.statusAfter },
    /** CONDITION_BREACHED: the condition and the state that breached it. */
    condition: delivery.conditionState && {
      id: delivery.conditionState.condition.id,
      statement: delivery.conditionState.condition.statement,
      developmentId: delivery.conditionState.condition.statusChange.id,
      breachedAt: delivery.conditionState.occurredAt.toISOString(),
      note: delivery.conditionState.note,
      sources: story.sources,
    },
  };
}

function textSection(story: TDeliveryStory, origin: string): string[] {
  return [story.heading, "", story.headline, ...story.details, "", "Sources:", ...(story.sources.length ? story.sources.map((source) => `- ${source.title} (${source.publisher}): ${source.url}`) : ["- none cited"]), "", `Read it on Pactwatch: ${origin}${story.path}`];
}

function htmlSection(story: TDeliveryStory, origin: string, level: 1 | 2): string {
  return `<h${level}>${escapeHtml(story.heading)}</h${level}>
<p><strong>${escapeHtml(story.headline)}</strong></p>
<ul>${story.details.map((line) => `<li>${escapeHtml(line)}</li>`).join("")}</ul>
<p>Sources:</p><ul>${story.sources.map((source) => `<li><a href="${escapeHtml(source.url)}">${escapeHtml(source.title)}</a> (${escapeHtml(source.publisher)})</li>`).join("") || "<li>none cited</li>"}</ul>
<p><a href="${escapeHtml(`${origin}${story.path}`)}">Read it on Pactwatch</a></p>`;
}

/** Subject line, plain text and HTML of one delivery's mail. */
export function deliveryMail(story: TDeliveryStory, links: TDeliveryLinks) {
  const text = [...textSection(story, links.origin), "", `Unsubscribe from these messages: ${links.unsubscribe}`].join("\n");
  const html = `<!doctype html><html lang="en"><body>
${htmlSection(story, links.origin, 1)}
<p><a href="${escapeHtml(links.unsubscribe)}">Unsubscribe from these messages</a></p>
</body></html>`;
  return { subject: story.subjectLine, text, html };
}

/** The daily digest's mail: one section per delivery, oldest first. */
export function digestMail(title: string, stories: readonly TDeliveryStory[], links: TDeliveryLinks) {
  const count = `${stories.length} item${stories.length === 1 ? "" : "s"}`;
  const text = [title, `${count}:`, ...stories.map((story, index) => `${index + 1}. ${story.subjectLine}`), "", ...stories.flatMap((story) => [...textSection(story, links.origin), "", "—", ""]), `Unsubscribe from these messages: ${links.unsubscribe}`].join("\n");
  const html = `<!doctype html><html lang="en"><body>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(count)}</p>
${stories.map((story) => htmlSection(story, links.origin, 2)).join("\n")}
<p><a href="${escapeHtml(links.unsubscribe)}">Unsubscribe from these messages</a></p>
</body></html>`;
  return { subject: `${title} (${count})`, text, html };
}
