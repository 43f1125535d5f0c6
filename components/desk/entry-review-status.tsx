import Link from "next/link";
import { formatInstant } from "@/lib/domain/dates";

type TEntryReview = {
  kind: "PUBLICATION" | "CORRECTION" | "RETRACTION";
  state: "SUBMITTED" | "APPROVED" | "RETURNED" | "WITHDRAWN";
  submittedAt: Date;
  reviewedAt: Date | null;
  comment: string | null;
  submittedBy: { name: string };
  reviewer: { name: string } | null;
};

const WHAT = { PUBLICATION: "Its publication", CORRECTION: "An edit of it", RETRACTION: "Its retraction" } as const;

/** Where the entry's latest submission for two-person review stands, with a returned one's comment (decision 034). */
export function EntryReviewStatus({ review }: { review: TEntryReview | null }) {
  if (!review || review.state === "WITHDRAWN") return null;
  const submitted = `${WHAT[review.kind]} was submitted by ${review.submittedBy.name} on ${formatInstant(review.submittedAt, "UTC")}`;
  return (
    <section aria-labelledby="review-status-heading" className="rounded border border-rule bg-white p-4">
      <h2 id="review-status-heading" className="font-serif text-xl font-bold">
        Review
      </h2>
      {review.state === "SUBMITTED" && (
        <p>
          <strong>Waiting for review.</strong> {submitted}; another analyst or an admin approves or returns it in the <Link href="/desk/review" className="underline">review queue</Link>.
        </p>
      )}
      {review.state === "RETURNED" && (
        <div>
          <p>
            <strong>Returned</strong> by {review.reviewer?.name ?? "a reviewer"}
            {review.reviewedAt && ` on ${formatInstant(review.reviewedAt, "UTC")}`}. {submitted}; nothing took effect.
          </p>
          <blockquote className="mt-2 border-l-4 border-rule pl-3">
            <p className="text-sm font-semibold">The reviewer&apos;s comment</p>
            <p className="whitespace-pre-line">{review.comment}</p>
          </blockquote>
        </div>
      )}
      {review.state === "APPROVED" && (
        <p>
          <strong>Approved</strong> by {review.reviewer?.name ?? "a reviewer"}
          {review.reviewedAt && ` on ${formatInstant(review.reviewedAt, "UTC")}`}. {submitted}.
        </p>
      )}
    </section>
  );
}
