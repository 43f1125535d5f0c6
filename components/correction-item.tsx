import Link from "next/link";
import { CORRECTION_TYPE_LABELS, REVISION_KIND_LABELS } from "@/lib/domain/corrections";
import { keepAsOf, type TAsOfParams } from "@/lib/domain/as-of-link";
import { formatInstant } from "@/lib/domain/dates";
import { wrongAndNow } from "@/lib/domain/revision-text";
import type { TCorrection } from "@/lib/server/corrections/list-corrections";

// One entry of the corrections log, shared by /corrections and /changes ("what changed since").

function Lines({ lines }: { lines: string[] }) {
  if (lines.length === 0) return <span className="text-muted">(no field changed)</span>;
  return (
    <ul className="list-disc pl-5">
      {lines.map((line, index) => (
        <li key={index} className="break-words">
          {line}
        </li>
      ))}
    </ul>
  );
}

/** A correction, source erratum or retraction: its kind and type, the entry, when and by whom, why, what was wrong and what it is now (links keep an asOf). */
export function CorrectionItem({ correction, asOf }: { correction: TCorrection; asOf?: TAsOfParams }) {
  const { wrong, now } = wrongAndNow(correction.diff, correction.before, correction.after);
  return (
    <li className="border-b border-rule py-4">
      <h2 className="font-semibold">
        {REVISION_KIND_LABELS[correction.kind]}
        {correction.correctionType && <>: {CORRECTION_TYPE_LABELS[correction.correctionType]}</>}
        {" · "}
        <Link href={keepAsOf(`/developments/${correction.entry.id}`, asOf)}>{correction.entry.headline}</Link>
      </h2>
      <p className="text-sm text-muted">
        <Link href={keepAsOf(correction.entry.subject.href, asOf)}>{correction.entry.subject.name}</Link> · recorded{" "}
        <time dateTime={correction.recordedAt.toISOString()}>{formatInstant(correction.recordedAt, "UTC")}</time> by {correction.savedBy} ·{" "}
        <Link href={keepAsOf(`/developments/${correction.entry.id}/revisions#version-${correction.version}`, asOf)}>every version</Link>
      </p>
      {correction.reason && (
        <p className="mt-1">
          <span className="font-semibold">Why:</span> {correction.reason}
        </p>
      )}
      <dl className="mt-2 grid gap-2 text-sm md:grid-cols-2">
        <div>
          <dt className="font-semibold">What was wrong</dt>
          <dd>
            <Lines lines={wrong} />
          </dd>
        </div>
        <div>
          <dt className="font-semibold">What it is now</dt>
          <dd>
            <Lines lines={now} />
          </dd>
        </div>
      </dl>
    </li>
  );
}

