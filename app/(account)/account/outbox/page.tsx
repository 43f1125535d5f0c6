import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { formatInstant } from "@/lib/domain/dates";
import { isRecordId } from "@/lib/schemas/record-id";
import { requireSignedIn } from "@/lib/server/auth/require-signed-in";
import { listOutbox } from "@/lib/server/subscriptions/list-outbox";

export const metadata: Metadata = { title: "Your outbox", description: "The mail Pactwatch sent you or kept for you." };

export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ before?: string | string[] }> }) {
  await connection();
  const actor = await requireSignedIn("/account/outbox");
  const before = (await searchParams).before;
  if (before !== undefined && !isRecordId(before)) notFound();
  const outbox = await listOutbox(actor, { before: typeof before === "string" ? before : undefined });
  return (
    <section aria-labelledby="outbox-heading">
      <h1 id="outbox-heading" className="font-serif text-3xl font-bold">
        Your outbox
      </h1>
      <p className="mt-1 max-w-prose text-sm text-muted">
        Every message for your subscriptions, newest first. Without a mail server configured (SMTP_URL), this is where they are
        delivered; with one, this is a copy of what was mailed.{" "}
        <Link href="/account/subscriptions" className="underline">Manage your subscriptions</Link>.
      </p>
      {outbox.messages.length === 0 ? (
        <p className="mt-4">No messages yet.</p>
      ) : (
        <ol className="mt-4 space-y-4">
          {outbox.messages.map((message) => (
            <li key={message.id} className="rounded border border-rule p-4">
              <h2 className="font-semibold">{message.subject}</h2>
              <p className="text-sm text-muted">
                {formatInstant(message.createdAt, "UTC")} · to {message.toAddress} · {message.transport === "SMTP" ? "mailed" : "kept in the outbox"}
              </p>
              <pre className="mt-2 whitespace-pre-wrap font-sans text-sm">{message.textBody}</pre>
            </li>
          ))}
        </ol>
      )}
      {outbox.next && (
        <p className="mt-4">
          <Link href={`/account/outbox?before=${outbox.next}`} className="underline">Older messages</Link>
        </p>
      )}
    </section>
  );
}
