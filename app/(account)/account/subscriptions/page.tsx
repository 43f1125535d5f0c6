import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { formatInstant } from "@/lib/domain/dates";
import { STATUS_LABELS } from "@/lib/domain/statuses";
import { CHANNEL_LABELS, ruleLabel, timingLabel } from "@/lib/domain/subscription-labels";
import { requireSignedIn } from "@/lib/server/auth/require-signed-in";
import { listSubscriptions } from "@/lib/server/subscriptions/list-subscriptions";
import { subscriptionSubjectName } from "@/lib/server/subscriptions/subscription-record";
import { ColumnHeader, Table, TableBody, TableCell, TableHead, TableRow } from "@/components/ui/table";
import { isRecordId } from "@/lib/schemas/record-id";
import { savedSearchParams, savedSearchQuery, ZSavedSearchInput } from "@/lib/schemas/saved-search";
import { DeliveryLog } from "./delivery-log";
import { SubscribeForm } from "./subscribe-form";
import { SubscriptionButtons } from "./subscription-buttons";

export const metadata: Metadata = { title: "Your subscriptions", description: "Be told of the developments you follow, by email, webhook or feed." };

/** The search "Subscribe to this search" on /developments links with, in its canonical query string; null if none or unreadable. */
function linkedSearch(search: string | string[] | undefined): string | null {
  if (typeof search !== "string") return null;
  const parsed = ZSavedSearchInput.safeParse(search === "" ? "?" : search);
  return parsed.success && parsed.data ? savedSearchQuery(savedSearchParams(parsed.data)) : null;
}

export default async function SubscriptionsPage({ searchParams }: { searchParams: Promise<{ log?: string | string[]; before?: string | string[]; search?: string | string[] }> }) {
  await connection();
  const { log, before, search } = await searchParams;
  const filters = linkedSearch(search);
  // Signing in comes back to the form with the search still filled in.
  const actor = await requireSignedIn(filters === null ? "/account/subscriptions" : `/account/subscriptions?search=${encodeURIComponent(filters)}`);
  const logId = typeof log === "string" && isRecordId(log) ? log : undefined;
  const subscriptions = await listSubscriptions(actor);
  const statuses = Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }));
  const timeZones = ["UTC", ...Intl.supportedValuesOf("timeZone").filter((zone) => zone !== "UTC")];
  return (
    <div className="space-y-8">
      <section aria-labelledby="subscriptions-heading">
        <h1 id="subscriptions-heading" className="font-serif text-3xl font-bold">
          Your subscriptions
        </h1>
        <p className="mt-1 max-w-prose text-sm text-muted">
          Be told when something you follow changes: any development, a status entered or left, escalations only, a deadline
          approaching or a condition breached; by email at once or in a daily digest at your hour. Mail you
          are sent is also kept in <Link href="/account/outbox" className="underline">your outbox</Link>.
        </p>
        {subscriptions.length === 0 ? (
          <p className="mt-4">You have no subscriptions yet.</p>
        ) : (
          <Table caption="Your subscriptions" className="mt-4">
            <TableHead>
              <ColumnHeader>Follows</ColumnHeader>
              <ColumnHeader>Tells of</ColumnHeader>
              <ColumnHeader>How</ColumnHeader>
              <ColumnHeader>State</ColumnHeader>
              <ColumnHeader>Actions</ColumnHeader>
            </TableHead>
            <TableBody>
              {subscriptions.map((subscription) => {
                const name = `${subscriptionSubjectName(subscription)} ${ruleLabel(subscription.rule, subscription.ruleStatus, subscription.ruleDays)}`;
                return (
                  <TableRow key={subscription.id}>
                    <TableCell>
                      {subscriptionSubjectName(subscription)}
                      {subscription.searchFilters && (
                        <div>
                          <Link href={`/developments?${savedSearchQuery(subscription.searchFilters)}`} className="text-sm underline">
                            See the list<span className="sr-only"> of {subscriptionSubjectName(subscription)}</span>
                          </Link>
                        </div>
                      )}
                    </TableCell>
                    <TableCell>
                      {ruleLabel(subscription.rule, subscription.ruleStatus, subscription.ruleDays)}
                      {subscription.includeCorrections ? ", with corrections" : ""}
                    </TableCell>
                    <TableCell>
                      {CHANNEL_LABELS[subscription.channel]}, {timingLabel(subscription.timing, subscription.digestHour, subscription.digestTimeZone)}
                      {subscription.webhookUrl && <div className="break-all text-sm text-muted">{subscription.webhookUrl}</div>}
                    </TableCell>
                    <TableCell>
                      {subscription.endedAt
                        ? `Unsubscribed ${formatInstant(subscription.endedAt, "UTC")}`
                        : subscription.pausedAt
                          ? `Paused ${formatInstant(subscription.pausedAt, "UTC")}${subscription.consecutiveFailures ? ` after ${subscription.consecutiveFailures} failures` : ""}`
                          : "Active"}
                      <div>
                        <Link href={`/account/subscriptions?log=${subscription.id}#log-heading`} className="text-sm underline">
                          Delivery log<span className="sr-only"> of “{name}”</span>
                        </Link>
                      </div>
                    </TableCell>
                    <TableCell>{!subscription.endedAt && <SubscriptionButtons id={subscription.id} version={subscription.version} name={name} isPaused={Boolean(subscription.pausedAt)} />}</TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </section>
      {logId && <DeliveryLog actor={actor} id={logId} before={typeof before === "string" && isRecordId(before) ? before : undefined} />}
      <section aria-labelledby="subscribe-heading">
        <h2 id="subscribe-heading" className="font-serif text-2xl font-bold">
          Subscribe
        </h2>
        <SubscribeForm statuses={statuses} timeZones={timeZones} search={filters} />
      </section>
    </div>
  );
}
