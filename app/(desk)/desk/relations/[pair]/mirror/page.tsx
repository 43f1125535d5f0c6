import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ConfirmMirrorPairForm, DismissMirrorPairForm } from "@/components/desk/mirror-pair-forms";
import { SavedNotice } from "@/components/desk/saved-notice";
import { formatIsoDate } from "@/lib/domain/dates";
import { describeLag, type TMirrorMeasure } from "@/lib/domain/mirror-pairing";
import { ZPartyPair } from "@/lib/schemas/reader-queries";
import { requireSignedIn } from "@/lib/server/auth/require-signed-in";
import { orNotFound } from "@/lib/server/or-not-found";
import { getMirror } from "@/lib/server/relations/get-mirror";
import { canonicalPair } from "@/lib/server/relations/get-relation";
import { confirmMirrorPairAction, dismissMirrorPairAction } from "../../actions";

export const metadata: Metadata = { title: "Mirror view proposals" };

type TProps = { params: Promise<{ pair: string }>; searchParams: Promise<{ saved?: string }> };

const dates = (measure: TMirrorMeasure) =>
  [measure.announcedOn && `announced ${formatIsoDate(measure.announcedOn)}`, measure.inForceOn && `in force ${formatIsoDate(measure.inForceOn)}`].filter(Boolean).join(", ") || "no dates recorded";

/** The desk's side of the mirror view: each proposed pair, to confirm as a retaliation link or dismiss for good. */
export default async function DeskMirrorPage({ params, searchParams }: TProps) {
  const parsed = ZPartyPair.safeParse(decodeURIComponent((await params).pair));
  if (!parsed.success) notFound();
  const [first, second] = canonicalPair(...parsed.data);
  const actor = await requireSignedIn(`/desk/relations/${first}-${second}/mirror`, "link:write");
  const mirror = await orNotFound(getMirror(actor, [first, second]));
  const proposals = mirror.pairs.filter((pair) => pair.basis === "PROPOSED");
  return (
    <section aria-labelledby="desk-mirror-heading" className="space-y-6">
      <p className="text-sm text-muted">
        <Link href="/desk">Desk</Link> / <Link href={`/relations/${mirror.pair}/mirror`}>Mirror view of {mirror.pair}</Link>
      </p>
      <h1 id="desk-mirror-heading" className="font-serif text-3xl font-bold">
        Proposed pairs: {mirror.parties[0].name} and {mirror.parties[1].name}
      </h1>
      <SavedNotice saved={(await searchParams).saved} />
      <p className="max-w-prose">
        Each proposal is two measures of the same type, one each way, announced close together. Confirm it when a source says the second answers the first (the answer gets a
        “retaliation for” link, kept in its revisions); dismiss it, with the reason, when they are unrelated.
      </p>
      {proposals.length === 0 ? (
        <p>No pair is waiting for a decision.</p>
      ) : (
        <ol className="space-y-6">
          {proposals.map((pair) => {
            const label = `${pair.original.title} answered by ${pair.answer.title}`;
            const proposal = { pair: mirror.pair, originalSlug: pair.original.slug, answerSlug: pair.answer.slug, answerVersion: pair.answer.version, label };
            return (
              <li key={`${pair.original.id}-${pair.answer.id}`} className="rounded border border-rule p-4">
                <h2 className="font-semibold">
                  <Link href={pair.original.href}>{pair.original.title}</Link> ({pair.original.imposingCode}; {dates(pair.original)})
                </h2>
                <p>
                  then <Link href={pair.answer.href}>{pair.answer.title}</Link> ({pair.answer.imposingCode}; {dates(pair.answer)}): announced {describeLag(pair.lags.announcement)}, in force{" "}
                  {describeLag(pair.lags.inForce)}.
                </p>
                <div className="mt-3 grid gap-4 md:grid-cols-2">
                  <ConfirmMirrorPairForm action={confirmMirrorPairAction} proposal={proposal} />
                  <DismissMirrorPairForm action={dismissMirrorPairAction} proposal={proposal} />
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
