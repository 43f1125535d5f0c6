import "server-only";
import { randomBytes } from "node:crypto";
import { webhookUrlProblem } from "../../domain/webhook-address";
import type { TCreateSubscription } from "../../schemas/subscription";
import { hashTokenSecret } from "../api-tokens/token-secret";
import { recordAuditEvent } from "../audit/record-audit-event";
import { getAppEnv } from "../env";
import { AppError } from "../errors";
import { assertSignedInCan, type TActor } from "../permissions";
import { runWriteTransaction } from "../write-transaction";
import { enqueueDeadlinePlan } from "./enqueue-deadline-plan";
import { findSubscriptionSubject } from "./find-subscription-subject";
import { readSubscription, SUBSCRIPTION_SELECT } from "./subscription-record";

/** Starts a subscription for the actor; a webhook's signing key and a feed's secret are answered this once. */
export async function createSubscription(actor: TActor, input: TCreateSubscription) {
  assertSignedInCan(actor, "subscription:manage-own");
  const isWebhook = input.channel === "WEBHOOK";
  if (isWebhook) {
    const problem = webhookUrlProblem(input.webhookUrl ?? "", getAppEnv().NODE_ENV === "production");
    if (problem) throw new AppError("INVALID_INPUT", problem, { webhookUrl: [problem] });
  }
  const webhookSecret = isWebhook ? `whsec_${randomBytes(24).toString("base64url")}` : null;
  const feedSecret = input.channel === "FEED" ? `pwf_${randomBytes(32).toString("base64url")}` : null;
  return runWriteTransaction(async (tx) => {
    const subject = await findSubscriptionSubject(tx, input);
    const created = await tx.subscription.create({
      data: {
        userId: actor.id,
        subjectKind: input.subjectKind,
        ...subject,
        rule: input.rule,
        ruleStatus: input.rule === "ENTERS_STATUS" || input.rule === "LEAVES_STATUS" ? input.ruleStatus : null,
        ruleDays: input.rule === "DEADLINE_APPROACHING" ? input.ruleDays : null,
        includeCorrections: input.includeCorrections,
        channel: input.channel,
        webhookUrl: isWebhook ? input.webhookUrl : null,
        webhookSecret,
        feedTokenHash: feedSecret ? hashTokenSecret(feedSecret) : null,
        // Email only (the schema refuses a digest for other channels): webhooks and feeds are immediate.
        ...(input.timing === "DAILY_DIGEST" && input.channel === "EMAIL" ? { timing: "DAILY_DIGEST" as const, digestHour: input.digestHour, digestTimeZone: input.digestTimeZone } : {}),
      },
      select: SUBSCRIPTION_SELECT,
    });
    await recordAuditEvent(tx, actor, { action: "subscription:create", entityType: "Subscription", entityId: created.id, after: created });
    if (created.rule === "DEADLINE_APPROACHING") await enqueueDeadlinePlan(tx, { subscriptionId: created.id });
    return { ...readSubscription(created), webhookSecret, feedSecret };
  });
}
