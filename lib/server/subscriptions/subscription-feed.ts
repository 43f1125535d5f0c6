import "server-only";
import { STATUS_LABELS } from "../../domain/statuses";
import { hashTokenSecret } from "../api-tokens/token-secret";
import { getDatabase } from "../db";
import { AppError } from "../errors";
import { atomDocument, escapeHtml } from "../feeds/atom-document";
import { DELIVERY_RECORD_SELECT } from "./delivery-record";
import { describeDelivery } from "./delivery-story";

// A personal feed is its subscription's deliveries, at a secret address (the secret is the key:
// only its hash is stored). Unsubscribing clears the hash, so the address stops answering.

const FEED_ENTRIES = 50;
const KIND_WORDS = { PUBLISHED: "New", CORRECTED: "Corrected", RETRACTED: "Retracted", DEADLINE_APPROACHING: "Deadline ahead", CONDITION_BREACHED: "Condition breached" } as const;

/** The Atom document of the subscription whose feed secret this is; NOT_FOUND for any other string. */
export async function buildSubscriptionFeed(secret: string, origin: string): Promise<string> {
  const subscription = await getDatabase().subscription.findUnique({ where: { feedTokenHash: hashTokenSecret(secret) }, select: { id: true, endedAt: true, createdAt: true, searchLabel: true } });
  if (!subscription || subscription.endedAt) throw new AppError("NOT_FOUND", "No feed has this address: it was revoked, or never existed.");
  const deliveries = await getDatabase().delivery.findMany({
    where: { subscriptionId: subscription.id, state: "SENT" },
    orderBy: { id: "desc" },
    take: FEED_ENTRIES,
    select: { ...DELIVERY_RECORD_SELECT, sentAt: true },
  });
  const address = `${origin}/feeds/subscriptions/${secret}.atom`;
  return atomDocument({
    id: `urn:pactwatch:subscription:${subscription.id}`,
    title: "Pactwatch: your subscription",
    // A saved search's feed is named by its search (decision 039).
    subtitle: subscription.searchLabel ? `What your subscription to ${subscription.searchLabel} reported` : "The developments this subscription reported",
    alternateLink: `${origin}/account/subscriptions`,
    selfLink: address,
    updated: deliveries[0]?.sentAt ?? subscription.createdAt,
    author: { name: "Pactwatch", uri: origin },
    rights: "Pactwatch; quotations belong to their publishers",
    entries: deliveries.map((delivery) => {
      const story = describeDelivery(delivery);
      const summary = story.details.join("; ");
      return {
        id: `urn:pactwatch:delivery:${delivery.id}`,
        title: `${KIND_WORDS[delivery.kind]}: ${story.headline}`,
        link: `${origin}${story.path}`,
        updated: delivery.sentAt!,
        published: delivery.sentAt!,
        summary,
        contentHtml: `<p>${escapeHtml(story.headline)}</p><p>${escapeHtml(summary)}</p>`,
        categories: [{ term: delivery.statusAfter, label: STATUS_LABELS[delivery.statusAfter] }],
      };
    }),
  });
}
