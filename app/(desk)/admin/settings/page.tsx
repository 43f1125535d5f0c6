import type { Metadata } from "next";
import { connection } from "next/server";
import { ReviewSwitchForm } from "@/components/desk/review-forms";
import { formatInstant } from "@/lib/domain/dates";
import { requireSignedIn } from "@/lib/server/auth/require-signed-in";
import { getDeskSettings } from "@/lib/server/reviews/get-desk-settings";
import { setReviewRequiredAction } from "./actions";

export const metadata: Metadata = { title: "Settings" };

type TProps = { searchParams: Promise<{ saved?: string }> };

const SAVED_MESSAGES: Record<string, string> = {
  "review-on": "Two-person review is on: publications, corrections and retractions now wait for a second account's approval.",
  "review-off": "Two-person review is off: analysts publish, correct and admins retract directly. Submissions already waiting stay in the queue.",
};

export default async function AdminSettingsPage({ searchParams }: TProps) {
  await connection();
  const { saved } = await searchParams;
  const actor = await requireSignedIn("/admin/settings", "settings:manage");
  const settings = await getDeskSettings(actor);
  return (
    <div className="space-y-6">
      <h1 className="font-serif text-3xl font-bold">Settings</h1>
      {saved && SAVED_MESSAGES[saved] && (
        <p role="status" className="rounded border border-green-700 bg-green-50 p-3 text-green-900">
          {SAVED_MESSAGES[saved]}
        </p>
      )}
      <section aria-labelledby="review-heading" className="max-w-2xl space-y-2 rounded border border-rule bg-white p-4">
        <h2 id="review-heading" className="font-serif text-xl font-bold">
          Two-person review
        </h2>
        <p>
          Two-person review is <strong>{settings.isReviewRequired ? "on" : "off"}</strong>.
          {settings.updatedAt && <> Last changed {formatInstant(settings.updatedAt, "UTC")}.</>}
        </p>
        <p className="text-sm">
          While it is on, an analyst&apos;s “publish” submits the draft for review, and edits of published entries and retractions are submitted too. Another analyst or an admin, never the
          author, approves (it takes effect, with the reviewer shown to readers) or returns it with a comment. Retractions are reviewed by another admin.
        </p>
        <ReviewSwitchForm action={setReviewRequiredAction} isReviewRequired={settings.isReviewRequired} version={settings.version} />
      </section>
    </div>
  );
}
