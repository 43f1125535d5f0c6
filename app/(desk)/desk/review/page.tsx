import type { Metadata } from "next";
import Link from "next/link";
import { ApproveReviewForm, ReturnReviewForm } from "@/components/desk/review-forms";
import { formatInstant } from "@/lib/domain/dates";
import { requireSignedIn } from "@/lib/server/auth/require-signed-in";
import { listReviewQueue } from "@/lib/server/reviews/list-review-queue";
import { approveReviewAction, returnReviewAction } from "./actions";

export const metadata: Metadata = { title: "Review queue" };

type TProps = { searchParams: Promise<{ cursor?: string; decided?: string }> };

const KIND_LABELS = { PUBLICATION: "Publication of a draft", CORRECTION: "Edit of a published entry", RETRACTION: "Retraction" } as const;
const DECIDED_MESSAGES: Record<string, string> = {
  approved: "Approved: the change has taken effect, with you recorded as its reviewer.",
  returned: "Returned: its author reads your comment on the entry's page. Nothing took effect.",
};

// Two-person review (decision 034): what waits, oldest first. Nobody is offered their own
// submission to approve, and the server refuses it if forced.
export default async function ReviewQueuePage({ searchParams }: TProps) {
  const { cursor, decided } = await searchParams;
  const actor = await requireSignedIn("/desk/review", "review:decide");
  const queue = await listReviewQueue(actor, { cursor: typeof cursor === "string" ? cursor : undefined });
  return (
    <section aria-labelledby="queue-heading" className="space-y-6">
      <div>
        <p className="text-sm text-muted [&_a]:underline">
          <Link href="/desk">Desk</Link> / Review queue
        </p>
        <h1 id="queue-heading" className="mt-1 font-serif text-3xl font-bold">
          Review queue
        </h1>
        <p className="mt-1">Submissions waiting for a second reader, oldest first. Approve one and it takes effect; return it and its author reads your comment.</p>
      </div>
      {decided && DECIDED_MESSAGES[decided] && (
        <p role="status" className="rounded border border-green-700 bg-green-50 p-3 text-green-900">
          {DECIDED_MESSAGES[decided]}
        </p>
      )}
      {queue.items.length === 0 ? (
        <p className="text-muted">Nothing is waiting for review.</p>
      ) : (
        <ol className="space-y-4">
          {queue.items.map((item) => (
            <li key={item.id} className="rounded border border-rule bg-white p-4">
              <h2 className="font-serif text-xl font-bold [&_a]:underline">
                <Link href={`/desk/entries/${item.entry.id}`}>{item.entry.headline}</Link>
              </h2>
              <p className="text-sm">
                <strong>{KIND_LABELS[item.kind]}</strong> · {item.entry.subject} · submitted by {item.submittedBy} on {formatInstant(item.submittedAt, "UTC")}
              </p>
              {item.proposedHeadline && item.proposedHeadline !== item.entry.headline && <p className="mt-1 text-sm">Proposed headline: “{item.proposedHeadline}”</p>}
              {item.why && (
                <p className="mt-1 text-sm">
                  Why{item.correctionType ? ` (${item.correctionType.toLowerCase().replaceAll("_", " ")})` : ""}: {item.why}
                </p>
              )}
              {item.isOwn ? (
                <p className="mt-2 text-sm">Your own submission: another analyst or an admin reviews it.</p>
              ) : item.mayDecide ? (
                <div className="mt-3 grid gap-4 sm:grid-cols-2">
                  <ApproveReviewForm action={approveReviewAction} submission={{ id: item.id, version: item.version, headline: item.entry.headline }} />
                  <ReturnReviewForm action={returnReviewAction} submission={{ id: item.id, version: item.version, headline: item.entry.headline }} />
                </div>
              ) : (
                <p className="mt-2 text-sm">A retraction is reviewed by another admin.</p>
              )}
            </li>
          ))}
        </ol>
      )}
      {queue.nextCursor && (
        <p>
          <Link href={`/desk/review?cursor=${encodeURIComponent(queue.nextCursor)}`} className="underline">
            Later submissions
          </Link>
        </p>
      )}
    </section>
  );
}
