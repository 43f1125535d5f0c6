import type { StatusTimeline as TTimeline } from "@/lib/domain/status-timeline";
import type { TSkeletonChange } from "@/lib/server/subject-sql";
import { StatusTimeline } from "./status-timeline";

type TSubject = { slug: string; timeZone: string; summary: string; timeline: TTimeline; skeleton: TSkeletonChange[] };

/** An agreement's or measure's summary and its "Status over time" picture, one lane for the subject. */
export function SubjectTimelineSection({ id, name, subject, now }: { id: string; name: string; subject: TSubject; now: Date }) {
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
          caption={`${name}: status over time, with a marker for each of its ${subject.skeleton.length} published developments.`}
          lanes={[{ key: subject.slug, label: name, timeZone: subject.timeZone, timeline: subject.timeline, changes: subject.skeleton }]}
        />
      </section>
    </>
  );
}
