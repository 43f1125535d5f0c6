import type { TDatabase } from "../../lib/server/db";
import type { TSignedInActor } from "../../lib/server/permissions";
import { createTestAgreement, createTestUser } from "../support/desk-factories";
import type { TActionEntry, TRouteEntry } from "./matrix";

// Subscriptions (issue 14): every signed-in account manages its own; the one-click unsubscribe
// is public and acts only with the signed token of its one subscription.

/** One of `actor`'s subscriptions, made straight in the database (the matrix tries the doors, not the making). */
export async function ownSubscription(db: TDatabase, actor: TSignedInActor) {
  const agreementId = (await db.agreement.findUniqueOrThrow({ where: { slug: await agreementSlug(db) }, select: { id: true } })).id;
  return db.subscription.create({ data: { userId: actor.id, subjectKind: "AGREEMENT", agreementId, rule: "ANY_DEVELOPMENT", channel: "EMAIL" }, select: { id: true, version: true } });
}

/** Any agreement's slug; the first call makes one (as an analyst: readers may subscribe, not create). */
async function agreementSlug(db: TDatabase): Promise<string> {
  const agreement = await db.agreement.findFirst({ select: { slug: true } });
  return agreement?.slug ?? (await createTestAgreement(db, await createTestUser(db, "ANALYST")));
}

export const SUBSCRIPTION_ACTION_MATRIX: Record<string, TActionEntry> = {
  "(account)/account/subscriptions/actions.ts#subscribe": {
    input: async ({ db }) => ({ subjectKind: "AGREEMENT", subject: await agreementSlug(db), rule: "ANY_DEVELOPMENT", channel: "EMAIL" }),
  },
  ...Object.fromEntries(
    ["unsubscribe", "pauseSubscription", "resumeSubscription"].map((name) => [
      `(account)/account/subscriptions/actions.ts#${name}`,
      {
        input: async ({ db, actor }) => {
          const subscription = await ownSubscription(db, actor);
          if (name === "resumeSubscription") await db.subscription.update({ where: { id: subscription.id }, data: { pausedAt: new Date() } });
          return { id: subscription.id, version: String(subscription.version) };
        },
      } satisfies TActionEntry,
    ]),
  ),
};

export const SUBSCRIPTION_ROUTE_MATRIX: Record<string, TRouteEntry> = {
  "POST api/v1/subscriptions/route.ts": {
    request: async ({ db }) => ({ body: { subjectKind: "AGREEMENT", subject: await agreementSlug(db), rule: "ESCALATION", channel: "EMAIL" } }),
  },
  "DELETE api/v1/subscriptions/[id]/route.ts": {
    request: async ({ db, actor }) => ({ params: { id: (await ownSubscription(db, actor)).id } }),
  },
  // Public: a wrong token is a 404 for everyone alike; the matrix calls it with none.
  "POST unsubscribe/[id]/one-click/route.ts": {},
};

