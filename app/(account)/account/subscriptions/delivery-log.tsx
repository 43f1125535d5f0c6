import Link from "next/link";
import { formatInstant } from "@/lib/domain/dates";
import { STATUS_LABELS } from "@/lib/domain/statuses";
import type { TSignedInActor } from "@/lib/server/permissions";
import { AppError } from "@/lib/server/errors";
import { listDeliveries } from "@/lib/server/subscriptions/list-deliveries";
import { ColumnHeader, Table, TableBody, TableCell, TableHead, TableRow } from "@/components/ui/table";

const KIND_LABELS: Record<string, string> = { PUBLISHED: "published", CORRECTED: "corrected", RETRACTED: "retracted", DEADLINE_APPROACHING: "deadline reminder", CONDITION_BREACHED: "condition breached" };

/** One of the actor's subscriptions' delivery log, under the list (?log=<id>, ?before=<id> pages on). */
export async function DeliveryLog({ actor, id, before }: { actor: TSignedInActor; id: string; before?: string }) {
  const log = await listDeliveries(actor, id, { before }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") return null;
    throw error;
  });
  if (!log) return <p role="alert" className="mt-4">You have no such subscription.</p>;
  return (
    <section aria-labelledby="log-heading">
      <h2 id="log-heading" className="font-serif text-2xl font-bold">
        Delivery log
      </h2>
      {log.deliveries.length === 0 ? (
        <p className="mt-4">Nothing delivered yet.</p>
      ) : (
        <Table caption="Deliveries, newest first" className="mt-4">
          <TableHead>
            <ColumnHeader>Development</ColumnHeader>
            <ColumnHeader>Change</ColumnHeader>
            <ColumnHeader>Kind</ColumnHeader>
            <ColumnHeader>State</ColumnHeader>
            <ColumnHeader>Attempts</ColumnHeader>
          </TableHead>
          <TableBody>
            {log.deliveries.map((delivery) => (
              <TableRow key={delivery.id}>
                <TableCell>
                  {delivery.statusChange ? (
                    <Link href={`/developments/${delivery.statusChange.id}`} className="underline">{delivery.statusChange.headline}</Link>
                  ) : (
                    "Notice deadline"
                  )}
                  {delivery.deadlineAt && <div className="text-sm text-muted">Deadline {formatInstant(delivery.deadlineAt, "UTC")}</div>}
                </TableCell>
                <TableCell>{`${delivery.statusBefore ? STATUS_LABELS[delivery.statusBefore] : "none"} → ${STATUS_LABELS[delivery.statusAfter]}`}</TableCell>
                <TableCell>{KIND_LABELS[delivery.kind]}</TableCell>
                <TableCell>
                  {delivery.state === "SENT" && delivery.sentAt
                    ? `Sent ${formatInstant(delivery.sentAt, "UTC")}`
                    : delivery.state === "FAILED"
                      ? "Failed"
                      : delivery.digestScheduledAt
                        ? `In the digest of ${formatInstant(delivery.digestScheduledAt, "UTC")}`
                        : "Pending"}
                  {delivery.lastError && <div className="text-sm text-red-800">{delivery.lastError}</div>}
                </TableCell>
                <TableCell>{delivery.attempts}{delivery.lastResponse ? ` (last answer ${delivery.lastResponse})` : ""}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {log.next && (
        <p className="mt-4">
          <Link href={`/account/subscriptions?log=${id}&before=${log.next}`} className="underline">Older deliveries</Link>
        </p>
      )}
    </section>
  );
}
