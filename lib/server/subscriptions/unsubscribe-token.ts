import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";

// The one-click unsubscribe link carries an HMAC of the subscription's id under AUTH_SECRET: it
// works signed out, only for that subscription, and needs nothing stored.

/** The token of `subscriptionId`'s unsubscribe link. */
export function unsubscribeToken(secret: string, subscriptionId: string): string {
  return createHmac("sha256", secret).update(`unsubscribe:${subscriptionId}`).digest("base64url");
}

/** True when `token` is the unsubscribe token of exactly this subscription. */
export function isUnsubscribeToken(secret: string, subscriptionId: string, token: string): boolean {
  const expected = Buffer.from(unsubscribeToken(secret, subscriptionId));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
