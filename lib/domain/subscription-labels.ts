import { STATUS_LABELS } from "./statuses";
import type { Status } from "../generated/prisma/enums";

// How a subscription's rule reads in the account's list ("leaves Provisionally extended").

export function ruleLabel(rule: string, ruleStatus: Status | null, ruleDays: number | null = null): string {
  switch (rule) {
    case "DEADLINE_APPROACHING":
      return `${ruleDays ?? "some"} day${ruleDays === 1 ? "" : "s"} before a notice deadline or a scheduled change`;
    case "CONDITION_BREACHED":
      return "a condition breached";
    case "ENTERS_STATUS":
      return `enters ${ruleStatus ? STATUS_LABELS[ruleStatus] : "a status"}`;
    case "LEAVES_STATUS":
      return `leaves ${ruleStatus ? STATUS_LABELS[ruleStatus] : "a status"}`;
    case "ESCALATION":
      return "escalations only";
    default:
      return "any published development";
  }
}

/** How the timing reads: "at once", or "daily digest at 08:00 (Asia/Seoul)". */
export function timingLabel(timing: string, digestHour: number | null, digestTimeZone: string | null): string {
  return timing === "DAILY_DIGEST" && digestHour !== null ? `daily digest at ${String(digestHour).padStart(2, "0")}:00 (${digestTimeZone ?? "UTC"})` : "at once";
}

export const CHANNEL_LABELS: Readonly<Record<string, string>> = { EMAIL: "Email", WEBHOOK: "Webhook", FEED: "Personal feed" };
