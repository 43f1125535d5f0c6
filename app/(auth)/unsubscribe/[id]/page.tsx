import type { Metadata } from "next";
import { connection } from "next/server";
import { isRecordId } from "@/lib/schemas/record-id";
import { Button } from "@/components/ui/button";

export const metadata: Metadata = { title: "Unsubscribe", description: "Stop the messages of one Pactwatch subscription.", robots: { index: false } };

// Opened from a message's link, signed out. It asks first: mail scanners open links, and must
// not unsubscribe anyone. The form posts to the one-click endpoint, which checks the token.
export default async function UnsubscribePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ token?: string | string[]; done?: string }> }) {
  await connection();
  const { id } = await params;
  const { token, done } = await searchParams;
  if (done === "1") {
    return (
      <section aria-labelledby="unsubscribe-heading" className="max-w-prose">
        <h1 id="unsubscribe-heading" className="font-serif text-3xl font-bold">You are unsubscribed</h1>
        <p role="status" className="mt-4">No more messages will be sent for this subscription. Your other subscriptions are unchanged.</p>
      </section>
    );
  }
  const isUsable = isRecordId(id) && typeof token === "string" && token.length > 0 && token.length <= 200;
  return (
    <section aria-labelledby="unsubscribe-heading" className="max-w-prose">
      <h1 id="unsubscribe-heading" className="font-serif text-3xl font-bold">Unsubscribe</h1>
      {isUsable ? (
        <form method="post" action={`/unsubscribe/${id}/one-click?token=${encodeURIComponent(token)}&from=page`} className="mt-4">
          <p>Stop the messages of this one subscription? Your other subscriptions are unchanged.</p>
          <Button type="submit" className="mt-4">Unsubscribe</Button>
        </form>
      ) : (
        <p className="mt-4">This link is incomplete: open it from the message again, or sign in and manage your subscriptions.</p>
      )}
    </section>
  );
}
