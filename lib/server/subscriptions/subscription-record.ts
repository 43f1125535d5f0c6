import "server-only";
import type { Prisma } from "../../generated/prisma/client";
import { readSavedSearch, savedSearchParams, type TSavedSearchParams } from "../../schemas/saved-search";
import { AppError } from "../errors";
import type { TTransaction } from "../write-transaction";

/** What the owner sees of a subscription (never the feed's secret, which is shown once). */
export const SUBSCRIPTION_SELECT = {
  id: true,
  subjectKind: true,
  searchFilters: true,
  searchLabel: true,
  rule: true,
  ruleStatus: true,
  ruleDays: true,
  includeCorrections: true,
  channel: true,
  timing: true,
  digestHour: true,
  digestTimeZone: true,
  webhookUrl: true,
  pausedAt: true,
  consecutiveFailures: true,
  endedAt: true,
  version: true,
  createdAt: true,
  agreement: { select: { slug: true, title: true, shortName: true } },
  measure: { select: { slug: true, title: true } },
  party: { select: { code: true, name: true } },
  otherParty: { select: { code: true, name: true } },
} as const satisfies Prisma.SubscriptionSelect;

type TStoredSubscription = Prisma.SubscriptionGetPayload<{ select: typeof SUBSCRIPTION_SELECT }>;
export type TSubscriptionRecord = Omit<TStoredSubscription, "searchFilters"> & { searchFilters: TSavedSearchParams | null };

/** A stored subscription with its saved search read through ZSavedDevelopmentSearch (null if it no longer parses). */
export function readSubscription<T extends Pick<TStoredSubscription, "searchFilters">>(record: T): Omit<T, "searchFilters"> & { searchFilters: TSavedSearchParams | null } {
  const search = record.searchFilters === null ? null : readSavedSearch(record.searchFilters);
  return { ...record, searchFilters: search ? savedSearchParams(search) : null };
}

/** The subscription as its owner names it (a saved search by its words: developments matching “tariffs”, Japan). */
export function subscriptionSubjectName(record: Pick<TSubscriptionRecord, "agreement" | "measure" | "party" | "otherParty"> & { searchLabel?: string | null }): string {
  if (record.searchLabel) return record.searchLabel;
  if (record.agreement) return record.agreement.shortName ?? record.agreement.title;
  if (record.measure) return record.measure.title;
  if (record.party && record.otherParty) return `${record.party.name} – ${record.otherParty.name}`;
  return record.party?.name ?? "";
}

/**
 * Locks one of `userId`'s subscriptions for the rest of the transaction; NOT_FOUND for anyone
 * else's (an account cannot even learn that another's exists).
 */
export async function lockOwnSubscription(tx: TTransaction, userId: string, id: string) {
  await tx.$executeRaw`SELECT 1 FROM "Subscription" WHERE "id" = ${id}::uuid AND "userId" = ${userId}::uuid FOR NO KEY UPDATE`;
  const record = await tx.subscription.findFirst({ where: { id, userId }, select: { ...SUBSCRIPTION_SELECT, userId: true } });
  if (!record) throw new AppError("NOT_FOUND", "You have no such subscription.");
  return readSubscription(record);
}

export function assertSubscriptionVersion(record: { version: number }, version: number): void {
  if (record.version !== version) throw new AppError("CONFLICT", "This subscription changed since you opened the page: reload it and try again.");
}
