import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { formatInstant } from "@/lib/domain/dates";
import { CHANNEL_LABELS } from "@/lib/domain/subscription-labels";
import { isRecordId } from "@/lib/schemas/record-id";
import { requireSignedIn } from "@/lib/server/auth/require-signed-in";
import { getDeliveryHealth } from "@/lib/server/subscriptions/get-delivery-health";
import { ColumnHeader, Table, TableBody, TableCell, TableHead, TableRow } from "@/components/ui/table";

export const metadata: Metadata = { title: "Deliveries", description: "Whether subscriptions are being delivered." };

const STATE_LABELS = { PENDING: "Waiting to be sent", SENT: "Sent", FAILED: "Failed (given up)" } as const;
const SUBSCRIPTION_STATES = { ACTIVE: "active", PAUSED: "paused", ENDED: "unsubscribed" } as const;
const KIND_LABELS = {
  PUBLISHED: "New development",
  CORRECTED: "Correction",
  RETRACTED: "Retraction",
  DEADLINE_APPROACHING: "Deadline reminder",
  CONDITION_BREACHED: "Condition breached",
} as const;

type TSubscriptionView = { ownerEmail: string; subject: string; channel: string; state: keyof typeof SUBSCRIPTION_STATES };
const describe = (subscription: TSubscriptionView) => `${subscription.subject} · ${CHANNEL_LABELS[subscription.channel] ?? subscription.channel} · ${SUBSCRIPTION_STATES[subscription.state]}`;

export default async function DeliveriesPage({ searchParams }: { searchParams: Promise<{ before?: string | string[] }> }) {
  await connection();
  const actor = await requireSignedIn("/admin/deliveries", "delivery:monitor");
  const { before } = await searchParams;
  if (before !== undefined && !isRecordId(before)) notFound();
  const health = await getDeliveryHealth(actor, { failuresBefore: typeof before === "string" ? before : undefined });
  return (
    <div className="space-y-8">
      <div>
        <h1 className="font-serif text-3xl font-bold">Deliveries</h1>
        <p className="mt-1 max-w-prose text-sm text-muted">
          Whether subscriptions reach their owners: every delivery by state, the oldest still waiting, recent failures and paused
          webhooks. Owners resume their own subscriptions on their account page; the mail&apos;s text and webhook addresses stay theirs.
        </p>
      </div>
      <section aria-labelledby="counts-heading">
        <h2 id="counts-heading" className="font-serif text-2xl font-bold">
          By state
        </h2>
        <dl className="mt-2 grid max-w-xl grid-cols-3 gap-4">
          {(Object.keys(STATE_LABELS) as (keyof typeof STATE_LABELS)[]).map((state) => (
            <div key={state} className="rounded border border-rule bg-white p-3">
              <dt className="text-sm">{STATE_LABELS[state]}</dt>
              <dd className="text-3xl font-bold">{health.counts[state]}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-3">
          {health.oldestPending ? (
            <>
              Oldest waiting: since {formatInstant(health.oldestPending.createdAt, "UTC")}, {health.oldestPending.attempts} attempt
              {health.oldestPending.attempts === 1 ? "" : "s"}, for {health.oldestPending.subscription.ownerEmail} ({describe(health.oldestPending.subscription)}).
            </>
          ) : (
            "Nothing is waiting to be sent."
          )}
        </p>
      </section>
      <section aria-labelledby="failures-heading">
        <h2 id="failures-heading" className="font-serif text-2xl font-bold">
          Recent failures
        </h2>
        {health.failures.length === 0 ? (
          <p className="mt-2">{before ? "No older failures." : "No delivery has failed."}</p>
        ) : (
          <Table caption="Recent failures, newest first" className="mt-2">
            <TableHead>
              <ColumnHeader>When</ColumnHeader>
              <ColumnHeader>Owner</ColumnHeader>
              <ColumnHeader>Subscription</ColumnHeader>
              <ColumnHeader>Development</ColumnHeader>
              <ColumnHeader>State</ColumnHeader>
              <ColumnHeader>Last error</ColumnHeader>
            </TableHead>
            <TableBody>
              {health.failures.map((failure) => (
                <TableRow key={failure.id}>
                  <TableCell>{formatInstant(failure.updatedAt, "UTC")}</TableCell>
                  <TableCell className="break-all">{failure.subscription.ownerEmail}</TableCell>
                  <TableCell>{describe(failure.subscription)}</TableCell>
                  <TableCell>
                    {KIND_LABELS[failure.kind]}
                    {failure.statusChange ? (
                      <>
                        : <Link href={`/developments/${failure.statusChange.id}`}>{failure.statusChange.headline}</Link>
                      </>
                    ) : failure.deadlineAt ? (
                      <>: deadline {formatInstant(failure.deadlineAt, "UTC")}</>
                    ) : null}
                  </TableCell>
                  <TableCell>
                    {failure.state === "FAILED" ? "Given up" : "Retrying"} after {failure.attempts} attempt{failure.attempts === 1 ? "" : "s"}
                  </TableCell>
                  <TableCell className="break-words">
                    {failure.lastError ?? "—"}
                    {failure.lastResponse ? ` (HTTP ${failure.lastResponse})` : ""}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {health.failuresNext && (
          <p className="mt-2">
            <Link href={`/admin/deliveries?before=${health.failuresNext}#failures-heading`}>Older failures</Link>
          </p>
        )}
      </section>
      <section aria-labelledby="paused-heading">
        <h2 id="paused-heading" className="font-serif text-2xl font-bold">
          Paused subscriptions
        </h2>
        {health.paused.length === 0 ? (
          <p className="mt-2">No subscription is paused.</p>
        ) : (
          <>
            <Table caption="Paused subscriptions, most recently paused first" className="mt-2">
              <TableHead>
                <ColumnHeader>Owner</ColumnHeader>
                <ColumnHeader>Subject</ColumnHeader>
                <ColumnHeader>Channel</ColumnHeader>
                <ColumnHeader>Paused</ColumnHeader>
                <ColumnHeader>Waiting</ColumnHeader>
              </TableHead>
              <TableBody>
                {health.paused.map((subscription) => (
                  <TableRow key={subscription.id}>
                    <TableCell className="break-all">{subscription.ownerEmail}</TableCell>
                    <TableCell>{subscription.subject}</TableCell>
                    <TableCell>{CHANNEL_LABELS[subscription.channel] ?? subscription.channel}</TableCell>
                    <TableCell>
                      {formatInstant(subscription.pausedAt, "UTC")}
                      {subscription.consecutiveFailures ? `, after ${subscription.consecutiveFailures} failures in a row` : ""}
                    </TableCell>
                    <TableCell>{subscription.pending} deliveries</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            {health.pausedTotal > health.paused.length && (
              <p className="mt-2 text-sm">
                Showing the {health.paused.length} most recently paused of {health.pausedTotal}.
              </p>
            )}
          </>
        )}
      </section>
    </div>
  );
}
