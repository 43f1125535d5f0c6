import { createHmac, timingSafeEqual } from "node:crypto";

// Webhook signatures (README "Verifying a webhook"): HMAC-SHA256, keyed with the subscription's
// secret, over "<timestamp>.<raw body>"; the timestamp (Unix seconds) travels beside it so a
// receiver can refuse replays of old deliveries.

export const SIGNATURE_HEADER = "pactwatch-signature";
export const TIMESTAMP_HEADER = "pactwatch-timestamp";
export const DELIVERY_HEADER = "pactwatch-delivery";

/** The signature header's value: "v1=" and the hex HMAC. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/** True when `signature` is ours for this body and the timestamp lies within `toleranceSeconds` of `now`. */
export function verifyWebhook(secret: string, timestamp: string, body: string, signature: string, now = Date.now(), toleranceSeconds = 300): boolean {
  const seconds = Number(timestamp);
  if (!Number.isInteger(seconds) || Math.abs(now / 1000 - seconds) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, seconds, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
