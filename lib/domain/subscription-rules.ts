// Which developments a subscription reports (issue 14), as pure rules: the fan-out job asks
// these of every subscription of the development's subject.

export type TSubscriptionRule = "ANY_DEVELOPMENT" | "ENTERS_STATUS" | "LEAVES_STATUS" | "ESCALATION" | "DEADLINE_APPROACHING" | "CONDITION_BREACHED";
export type TDeliveryKind = "PUBLISHED" | "CORRECTED" | "RETRACTED";

export type TRuleSubscription = { rule: TSubscriptionRule; ruleStatus: string | null; includeCorrections: boolean };

export type TDevelopmentEvent = {
  kind: TDeliveryKind;
  /** The subject's status just before the development (null: its first). */
  statusBefore: string | null;
  statusAfter: string;
  direction: "ESCALATION" | "DE_ESCALATION" | "NEUTRAL";
  /** For corrections and retractions: whether this subscription was already told of the development. */
  wasDelivered: boolean;
};

/** True when the development, as published, is one the rule asks for. */
export function matchesRule(subscription: Pick<TRuleSubscription, "rule" | "ruleStatus">, event: Omit<TDevelopmentEvent, "kind" | "wasDelivered">): boolean {
  switch (subscription.rule) {
    case "ANY_DEVELOPMENT":
      return true;
    case "ENTERS_STATUS":
      return event.statusAfter === subscription.ruleStatus && event.statusBefore !== subscription.ruleStatus;
    case "LEAVES_STATUS":
      return event.statusBefore === subscription.ruleStatus && event.statusAfter !== subscription.ruleStatus;
    case "ESCALATION":
      return event.direction === "ESCALATION";
    // Told by their own jobs (the deadline planner, the breach fan-out), never of a development as such.
    case "DEADLINE_APPROACHING":
    case "CONDITION_BREACHED":
      return false;
  }
}

/**
 * True when the subscription is told of this event: a first publication that matches its rule;
 * a correction or retraction only of a development it was already told of, and only if it asked.
 */
export function isDeliveredTo(subscription: TRuleSubscription, event: TDevelopmentEvent): boolean {
  if (event.kind === "PUBLISHED") return matchesRule(subscription, event);
  return subscription.includeCorrections && event.wasDelivered;
}

