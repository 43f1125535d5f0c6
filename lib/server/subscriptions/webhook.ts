import "server-only";
import { lookup } from "node:dns/promises";
import { DELIVERY_HEADER, SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from "../../domain/webhook-signature";
import { isPrivateAddress, webhookUrlProblem } from "../../domain/webhook-address";
import { getDeliveryEnv } from "../env";

export type TWebhookOutcome = { ok: true; status: number } | { ok: false; status: number | null; error: string };

const TIMEOUT_MS = 10_000;

/** POSTs the signed JSON body once; a 2xx answer is success, anything else a failure to retry. */
export async function postWebhook(url: string, secret: string, deliveryId: string, payload: object): Promise<TWebhookOutcome> {
  const isProduction = getDeliveryEnv().NODE_ENV === "production";
  const problem = webhookUrlProblem(url, isProduction);
  if (problem) return { ok: false, status: null, error: problem };
  if (isProduction) {
    // The name may resolve to a private address even when it does not look like one.
    const addresses = await lookup(new URL(url).hostname, { all: true }).catch(() => []);
    if (addresses.length === 0) return { ok: false, status: null, error: "The webhook's host name does not resolve." };
    if (addresses.some(({ address }) => isPrivateAddress(address))) return { ok: false, status: null, error: "The webhook's host resolves to a private address." };
  }
  const body = JSON.stringify(payload);
  const timestamp = Math.floor(Date.now() / 1000);
  try {
    const response = await fetch(url, {
      method: "POST",
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: {
        "content-type": "application/json",
        "user-agent": "Pactwatch-Webhook/1",
        [DELIVERY_HEADER]: deliveryId,
        [TIMESTAMP_HEADER]: String(timestamp),
        [SIGNATURE_HEADER]: signWebhook(secret, timestamp, body),
      },
      body,
    });
    await response.body?.cancel();
    return response.ok ? { ok: true, status: response.status } : { ok: false, status: response.status, error: `The receiver answered ${response.status}.` };
  } catch (error) {
    return { ok: false, status: null, error: `The receiver could not be reached: ${(error as Error).message}` };
  }
}
