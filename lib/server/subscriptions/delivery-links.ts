import "server-only";
import { getDeliveryEnv } from "../env";
import { unsubscribeToken } from "./unsubscribe-token";

/** The app's public origin as the worker sees it (PUBLIC_URL, else this machine's PORT). */
export function publicOrigin(): string {
  const env = getDeliveryEnv();
  return (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");
}

export function deliveryLinks(subscriptionId: string) {
  const origin = publicOrigin();
  const token = unsubscribeToken(getDeliveryEnv().AUTH_SECRET, subscriptionId);
  return {
    origin,
    /** The page a person opens (it asks before unsubscribing, so link scanners do not). */
    unsubscribe: `${origin}/unsubscribe/${subscriptionId}?token=${token}`,
    /** RFC 8058's one-click POST target. */
    oneClick: `${origin}/unsubscribe/${subscriptionId}/one-click?token=${token}`,
  };
}
