import { z } from "zod";
import { Status } from "../generated/prisma/enums";
import { ZCheckbox, ZVersion, nullableText, optionalInteger, optionalText, ZTimeZone } from "./form-input";
import { recordId } from "./record-id";
import { ZSavedSearchInput } from "./saved-search";

// Subscriptions to transitions (issue 14), as a form posts them and as the API takes them.

export const SUBSCRIPTION_SUBJECTS = ["AGREEMENT", "MEASURE", "PARTY", "RELATION", "SEARCH"] as const;
export const SUBSCRIPTION_RULES = ["ANY_DEVELOPMENT", "ENTERS_STATUS", "LEAVES_STATUS", "ESCALATION", "DEADLINE_APPROACHING", "CONDITION_BREACHED"] as const;
/** Email may be collected into a daily digest; webhooks and feeds are always immediate (decision 035). */
export const DELIVERY_TIMINGS = ["IMMEDIATE", "DAILY_DIGEST"] as const;
/** Rules about an agreement's or a measure's own record (its terms, its schedules, its conditions). */
export const SUBJECT_RECORD_RULES: ReadonlySet<string> = new Set(["DEADLINE_APPROACHING", "CONDITION_BREACHED"]);
/** What a saved search can tell of (decision 039): transitions, deadlines and breaches belong to one subject's record. */
export const SEARCH_RULES: ReadonlySet<string> = new Set(["ANY_DEVELOPMENT", "ESCALATION"]);
export const SUBSCRIPTION_CHANNELS = ["EMAIL", "WEBHOOK", "FEED"] as const;

const SUBJECT_MESSAGE = "Name what to follow: a slug such as gsomia, a party code such as KOR, or a pair such as JPN-KOR";
const SEARCH_MESSAGE = "Give the search to follow: the filters of the developments page (its address, e.g. /developments?q=tariffs&party=JPN)";
const SEARCH_RULE_MESSAGE = "A saved search tells of any matching development or of escalations only (with corrections if you ask): status transitions, deadlines and breached conditions are followed on one agreement or measure";
const RULE_STATUS_MESSAGE = "Choose the status this rule watches";
const RULE_DAYS_MESSAGE = "Give the number of days before the deadline, from 1 to 365";
const DIGEST_HOUR_MESSAGE = "Choose the hour of the daily digest, from 0 to 23";
const DIGEST_ZONE_MESSAGE = "Choose your time zone for the digest (an IANA name such as Asia/Seoul or Europe/Berlin)";
const emptyToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

export const ZCreateSubscription = z
  .object({
    subjectKind: z.enum(SUBSCRIPTION_SUBJECTS, { error: "Choose what to follow: an agreement, a measure, a party, a relation or a saved search" }),
    /** An agreement's or measure's slug, a party's code (KOR), or a relation's two codes (JPN-KOR); unused for SEARCH. */
    subject: optionalText(120, "Keep the subject under 120 characters"),
    /**
     * SEARCH: the developments list's filters (q, agreement, measure, party, pair, status,
     * direction, from, to, order, corroboration), as an object or as the list's query string.
     */
    filters: ZSavedSearchInput,
    rule: z.enum(SUBSCRIPTION_RULES, { error: "Choose which developments to hear about" }),
    ruleStatus: z.preprocess((value) => (value === "" || value === null ? undefined : value), z.enum(Status, { error: RULE_STATUS_MESSAGE }).optional()),
    /** DEADLINE_APPROACHING: how many days before the deadline. */
    ruleDays: optionalInteger(1, 365, RULE_DAYS_MESSAGE),
    includeCorrections: ZCheckbox,
    channel: z.enum(SUBSCRIPTION_CHANNELS, { error: "Choose how to be told: email, webhook or feed" }),
    webhookUrl: nullableText(2000, "Keep the webhook URL under 2000 characters"),
    timing: z.preprocess(emptyToUndefined, z.enum(DELIVERY_TIMINGS, { error: "Choose when to be told: at once or in a daily digest" }).default("IMMEDIATE")),
    /** DAILY_DIGEST: the local hour, in digestTimeZone. */
    digestHour: optionalInteger(0, 23, DIGEST_HOUR_MESSAGE),
    digestTimeZone: z.preprocess(emptyToUndefined, ZTimeZone.optional()),
  })
  .superRefine((input, context) => {
    if (input.subjectKind === "SEARCH") {
      if (!input.filters) context.addIssue({ code: "custom", path: ["filters"], message: SEARCH_MESSAGE });
      if (!SEARCH_RULES.has(input.rule)) context.addIssue({ code: "custom", path: ["rule"], message: SEARCH_RULE_MESSAGE });
    } else if (input.subject === "") {
      context.addIssue({ code: "custom", path: ["subject"], message: SUBJECT_MESSAGE });
    }
    if ((input.rule === "ENTERS_STATUS" || input.rule === "LEAVES_STATUS") && !input.ruleStatus) {
      context.addIssue({ code: "custom", path: ["ruleStatus"], message: RULE_STATUS_MESSAGE });
    }
    if (input.channel === "WEBHOOK" && !input.webhookUrl) context.addIssue({ code: "custom", path: ["webhookUrl"], message: "Give the URL to call, e.g. https://hooks.example.org/pactwatch" });
    if (input.rule === "DEADLINE_APPROACHING" && input.ruleDays === null) context.addIssue({ code: "custom", path: ["ruleDays"], message: RULE_DAYS_MESSAGE });
    if (SUBJECT_RECORD_RULES.has(input.rule) && input.subjectKind !== "AGREEMENT" && input.subjectKind !== "MEASURE" && input.subjectKind !== "SEARCH") {
      context.addIssue({ code: "custom", path: ["rule"], message: "Deadlines and breached conditions are followed on one agreement or one measure" });
    }
    if (input.timing === "DAILY_DIGEST") {
      if (input.channel !== "EMAIL") context.addIssue({ code: "custom", path: ["timing"], message: "Only email comes as a daily digest: webhooks and feeds are told at once" });
      if (input.digestHour === null) context.addIssue({ code: "custom", path: ["digestHour"], message: DIGEST_HOUR_MESSAGE });
      if (!input.digestTimeZone) context.addIssue({ code: "custom", path: ["digestTimeZone"], message: DIGEST_ZONE_MESSAGE });
    }
  })
  .meta({
    examples: [
      { subjectKind: "AGREEMENT", subject: "gsomia", rule: "LEAVES_STATUS", ruleStatus: "PROVISIONALLY_EXTENDED", includeCorrections: true, channel: "EMAIL" },
      { subjectKind: "SEARCH", filters: { q: "tariffs", direction: ["ESCALATION"], party: "JPN" }, rule: "ANY_DEVELOPMENT", includeCorrections: true, channel: "EMAIL" },
      { subjectKind: "AGREEMENT", subject: "gsomia", rule: "DEADLINE_APPROACHING", ruleDays: 30, channel: "EMAIL", timing: "DAILY_DIGEST", digestHour: 8, digestTimeZone: "Asia/Seoul" },
    ],
  });
export type TCreateSubscription = z.infer<typeof ZCreateSubscription>;

/** Ending, pausing or resuming one of the caller's own subscriptions, at the version they saw. */
export const ZSubscriptionVersion = z.object({
  id: recordId("Choose one of your subscriptions"),
  version: ZVersion,
});
export type TSubscriptionVersion = z.infer<typeof ZSubscriptionVersion>;

export const ZSubscriptionId = z.object({ id: recordId("Choose one of your subscriptions") });
