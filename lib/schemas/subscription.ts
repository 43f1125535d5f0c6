import { z } from "zod";
import { Status } from "../generated/prisma/enums";
import { ZCheckbox, ZVersion, nullableText, requiredText } from "./form-input";
import { recordId } from "./record-id";

// Subscriptions to transitions (issue 14), as a form posts them and as the API takes them.

export const SUBSCRIPTION_SUBJECTS = ["AGREEMENT", "MEASURE", "PARTY", "RELATION"] as const;
export const SUBSCRIPTION_RULES = ["ANY_DEVELOPMENT", "ENTERS_STATUS", "LEAVES_STATUS", "ESCALATION"] as const;
export const SUBSCRIPTION_CHANNELS = ["EMAIL", "WEBHOOK", "FEED"] as const;

const RULE_STATUS_MESSAGE = "Choose the status this rule watches";

export const ZCreateSubscription = z
  .object({
    subjectKind: z.enum(SUBSCRIPTION_SUBJECTS, { error: "Choose what to follow: an agreement, a measure, a party or a relation" }),
    /** An agreement's or measure's slug, a party's code (KOR), or a relation's two codes (JPN-KOR). */
    subject: requiredText(120, "Name what to follow: a slug such as gsomia, a party code such as KOR, or a pair such as JPN-KOR", "Keep the subject under 120 characters"),
    rule: z.enum(SUBSCRIPTION_RULES, { error: "Choose which developments to hear about" }),
    ruleStatus: z.preprocess((value) => (value === "" || value === null ? undefined : value), z.enum(Status, { error: RULE_STATUS_MESSAGE }).optional()),
    includeCorrections: ZCheckbox,
    channel: z.enum(SUBSCRIPTION_CHANNELS, { error: "Choose how to be told: email, webhook or feed" }),
    webhookUrl: nullableText(2000, "Keep the webhook URL under 2000 characters"),
  })
  .superRefine((input, context) => {
    if ((input.rule === "ENTERS_STATUS" || input.rule === "LEAVES_STATUS") && !input.ruleStatus) {
      context.addIssue({ code: "custom", path: ["ruleStatus"], message: RULE_STATUS_MESSAGE });
    }
    if (input.channel === "WEBHOOK" && !input.webhookUrl) context.addIssue({ code: "custom", path: ["webhookUrl"], message: "Give the URL to call, e.g. https://hooks.example.org/pactwatch" });
  })
  .meta({ examples: [{ subjectKind: "AGREEMENT", subject: "gsomia", rule: "LEAVES_STATUS", ruleStatus: "PROVISIONALLY_EXTENDED", includeCorrections: true, channel: "EMAIL" }] });
export type TCreateSubscription = z.infer<typeof ZCreateSubscription>;

/** Ending, pausing or resuming one of the caller's own subscriptions, at the version they saw. */
export const ZSubscriptionVersion = z.object({
  id: recordId("Choose one of your subscriptions"),
  version: ZVersion,
});
export type TSubscriptionVersion = z.infer<typeof ZSubscriptionVersion>;

export const ZSubscriptionId = z.object({ id: recordId("Choose one of your subscriptions") });
