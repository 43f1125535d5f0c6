import "server-only";
import { formatInstant } from "../../domain/dates";
import { STATUS_LABELS } from "../../domain/statuses";
import { subjectRef } from "../../domain/subject-ref";
import type { Status } from "../../generated/prisma/enums";
import type { TDeliveryRecord } from "./delivery-record";

// What a delivery tells, in words shared by its mail, a digest's section and the webhook body:
// a development (published, corrected, retracted), a deadline ahead, or a condition breached.

const KIND_WORDS = {
  PUBLISHED: "New development",
  CORRECTED: "Corrected",
  RETRACTED: "Retracted",
  DEADLINE_APPROACHING: "Deadline ahead",
  CONDITION_BREACHED: "Condition breached",
} as const;
const label = (status: Status | null) => (status ? STATUS_LABELS[status] : "none recorded");

export type TDeliveryStory = {
  /** "New development on GSOMIA". */
  heading: string;
  /** The mail's subject line. */
  subjectLine: string;
  headline: string;
  details: string[];
  sources: { url: string; title: string; publisher: string }[];
  /** The page to read it on, a path of this site. */
  path: string;
};

export function describeDelivery(delivery: TDeliveryRecord): TDeliveryStory {
  const entry = delivery.statusChange ?? delivery.conditionState?.condition.statusChange ?? null;
  const subject = subjectRef(entry ?? delivery.subscription) ?? { name: "your subscription", href: "/account/subscriptions" };
  const heading = `${KIND_WORDS[delivery.kind]} on ${subject.name}`;
  const change = `${label(delivery.statusBefore)} → ${label(delivery.statusAfter)}`;
  const developmentSources = entry?.citations.map((citation) => citation.source) ?? [];

  if (delivery.kind === "DEADLINE_APPROACHING" && delivery.deadlineAt) {
    const zone = entry?.timeZone ?? delivery.subscription.agreement?.timeZone ?? "UTC";
    const when = `${formatInstant(delivery.deadlineAt, zone)} (${zone})`;
    const headline = entry ? `${entry.headline}: takes effect ${when}` : `Notice that ${subject.name} is not to renew must be received before ${when}`;
    return {
      heading,
      subjectLine: `${KIND_WORDS[delivery.kind]}: ${subject.name}: ${entry ? `${label(delivery.statusAfter)} from` : "notice deadline"} ${formatInstant(delivery.deadlineAt, zone)}`,
      headline,
      details: [entry ? `Status it brings: ${label(delivery.statusAfter)}` : `Status now: ${label(delivery.statusAfter)}`, `You asked to be told ${delivery.subscription.ruleDays ?? "some"} days before.`],
      sources: developmentSources,
      path: entry ? `/developments/${entry.id}` : subject.href,
    };
  }
  if (delivery.kind === "CONDITION_BREACHED" && delivery.conditionState) {
    const state = delivery.conditionState;
    return {
      heading,
      subjectLine: `${KIND_WORDS[delivery.kind]}: ${subject.name}: ${state.condition.statement}`,
      headline: state.condition.statement,
      details: [`Breached on ${formatInstant(state.occurredAt, state.timeZone)} (${state.timeZone})`, ...(state.note ? [state.note] : []), ...(entry ? [`A condition of: ${entry.headline}`] : [])],
      sources: state.citations.map((citation) => citation.source),
      path: entry ? `/developments/${entry.id}` : subject.href,
    };
  }
  return {
    heading,
    subjectLine: `${KIND_WORDS[delivery.kind]}: ${subject.name}: ${change}`,
    headline: entry?.headline ?? "",
    details: [
      // A saved search's message says which search it answers (decision 039).
      ...(delivery.subscription.searchLabel ? [`You follow ${delivery.subscription.searchLabel}.`] : []),
      `Status before: ${label(delivery.statusBefore)}`,
      `Status after: ${label(delivery.statusAfter)}`,
      ...(entry?.retractionReason && delivery.kind === "RETRACTED" ? [`Retracted because: ${entry.retractionReason}`] : []),
    ],
    sources: developmentSources,
    path: entry ? `/developments/${entry.id}` : subject.href,
  };
}
