import { STATUS_LABELS } from "./statuses";
import type { Status } from "../generated/prisma/enums";

// How a subscription's rule reads in the account's list ("leaves Provisionally extended").

export function ruleLabel(rule: string, ruleStatus: Status | null): string {
  switch (rule) {
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

export const CHANNEL_LABELS: Readonly<Record<string, string>> = { EMAIL: "Email", WEBHOOK: "Webhook", FEED: "Personal feed" };
