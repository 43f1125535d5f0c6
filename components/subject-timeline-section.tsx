import type { StatusTimeline as TTimeline } from "@/lib/domain/status-timeline";
import type { TSkeletonChange } from "@/lib/server/subject-sql";
import { StatusTimeline, type TTimelineBreach } from "./status-timeline";

type TSubject = { slug: string; timeZone: string; summary: string; timeline: TTimeline; skeleton: TSkeletonChange[]; markers: TSkeletonChange[]; skeletonTruncated?: boolean };

/** An agreement's or measure's summary and its "Status over time" picture, one lane for the subject. */
export function SubjectTimelineSection({ id, name, subject, now, breaches = [] }: { id: string; name: string; subject: TSubject; now: Date; breaches?: TTimelineBreach[] }) {
  return (
    <>
      {subject.summary && <p className="mt-6 max-w-prose leading-relaxed">{subject.summary}</p>}

      <section aria-labelledby="timeline-heading" className="mt-8">
        <h2 id="timeline-heading" className="font-serif text-2xl font-bold">
          Status over time
        </h2>
        <StatusTimeline
          id={id}
          now={now}
          caption={
            subject.skeletonTruncated
              ? `${name}: status over time through its latest ${subject.markers.length} published developments, with a marker for each; the history below has every one.`
              : `${name}: status over time, with a marker for each of its ${subject.markers.length} published developments${breaches.length ? ` and ${breaches.length} breached ${breaches.length === 1 ? "condition" : "conditions"}` : ""}.`
          }
          lanes={[{ key: subject.slug, label: name, timeZone: subject.timeZone, timeline: subject.timeline, changes: subject.markers, breaches }]}
        />
      </section>
    </>
  );
}
