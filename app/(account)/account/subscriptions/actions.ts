"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/action";
import { createSubscription } from "@/lib/server/subscriptions/create-subscription";
import { endSubscription } from "@/lib/server/subscriptions/end-subscription";
import { setSubscriptionPaused } from "@/lib/server/subscriptions/set-subscription-paused";
import { ZCreateSubscription, ZSubscriptionVersion } from "@/lib/schemas/subscription";

export const subscribe = defineAction({
  permission: "subscription:manage-own",
  schema: ZCreateSubscription,
  handler: async (actor, input) => {
    const created = await createSubscription(actor, input);
    revalidatePath("/account/subscriptions");
    return { id: created.id, channel: created.channel, webhookSecret: created.webhookSecret, feedSecret: created.feedSecret };
  },
});

export const unsubscribe = defineAction({
  permission: "subscription:manage-own",
  schema: ZSubscriptionVersion,
  handler: async (actor, input) => {
    const ended = await endSubscription(actor, input);
    revalidatePath("/account/subscriptions");
    return ended;
  },
});

export const pauseSubscription = defineAction({
  permission: "subscription:manage-own",
  schema: ZSubscriptionVersion,
  handler: async (actor, input) => {
    const paused = await setSubscriptionPaused(actor, input, true);
    revalidatePath("/account/subscriptions");
    return paused;
  },
});

export const resumeSubscription = defineAction({
  permission: "subscription:manage-own",
  schema: ZSubscriptionVersion,
  handler: async (actor, input) => {
    const resumed = await setSubscriptionPaused(actor, input, false);
    revalidatePath("/account/subscriptions");
    return resumed;
  },
});
