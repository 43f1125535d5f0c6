import type { Metadata } from "next";
import Link from "next/link";
import { StatusBadge } from "@/components/status-badge";
import { CREDIBILITY_GRADES, RELIABILITY_GRADES } from "@/lib/domain/admiralty-grades";
import { AGREEMENT_STATUSES, DIRECTION_LABELS, DIRECTION_MEANINGS, MEASURE_STATUSES, STATUS_MEANINGS } from "@/lib/domain/statuses";
import type { Credibility } from "@/lib/domain/admiralty-grades";
import type { Direction, Reliability } from "@/lib/generated/prisma/enums";
import { UNDERLINED_LINKS } from "@/components/underlined-links";
import { MIRROR_PROPOSAL_WINDOW_DAYS } from "@/lib/domain/mirror-pairing";

export const metadata: Metadata = {
  title: "Methodology",
  description: "Pactwatch's codebook: what each status, direction and grade means, how current status and deadlines are derived, and how corrections are made.",
};

const DIRECTION_MARK: Record<Direction, string> = { ESCALATION: "▲", DE_ESCALATION: "▼", NEUTRAL: "○" };

/** The codebook readers need to trust the record; every text comes from lib/domain, the same code that applies it. */
export default function MethodologyPage() {
  return (
    <article className={`${UNDERLINED_LINKS} max-w-prose space-y-8 leading-relaxed`}>
      <header>
        <h1 className="font-serif text-3xl font-bold">Methodology</h1>
        <p className="mt-2">
          Pactwatch records each development in an agreement or a trade measure as a status change, cited to its sources. This page is the codebook: what
          the words mean, and the rules the site applies to them.
        </p>
        <nav aria-label="On this page" className="mt-3 text-sm">
          <ul className="flex flex-wrap gap-x-4">
            <li><a href="#statuses">Statuses</a></li>
            <li><a href="#directions">Directions</a></li>
            <li><a href="#grades">Grades</a></li>
            <li><a href="#current-status">Current status</a></li>
            <li><a href="#deadlines">Deadlines</a></li>
            <li><a href="#dates">Dates</a></li>
            <li><a href="#corrections">Corrections</a></li>
            <li><Link href="/methodology/problems">API problems</Link></li>
          </ul>
        </nav>
      </header>

      <section aria-labelledby="statuses">
        <h2 id="statuses" className="font-serif text-2xl font-bold">Statuses</h2>
        <p>Each change records the status its subject is in afterwards. Agreements and trade measures have statuses of their own.</p>
        <h3 className="mt-4 text-lg font-semibold">Agreements</h3>
        <dl className="mt-2 space-y-2">
          {AGREEMENT_STATUSES.map((status) => (
            <div key={status}>
              <dt><StatusBadge status={status} /></dt>
              <dd className="mt-1">{STATUS_MEANINGS.AGREEMENT[status]}</dd>
            </div>
          ))}
        </dl>
        <h3 className="mt-4 text-lg font-semibold">Trade measures</h3>
        <dl className="mt-2 space-y-2">
          {MEASURE_STATUSES.map((status) => (
            <div key={status}>
              <dt><StatusBadge status={status} /></dt>
              <dd className="mt-1">{STATUS_MEANINGS.MEASURE[status]}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-3 text-sm text-muted">
          Badges never rely on colour alone: ● in force or restored, ▲ a warning state (notice given, provisionally extended, announced, eased), ■ suspended or
          terminated, ◆ a procedural or closed state. On timelines the same groups are drawn plain, hatched, cross-hatched and dotted.
        </p>
      </section>

      <section aria-labelledby="directions">
        <h2 id="directions" className="font-serif text-2xl font-bold">Directions</h2>
        <dl className="mt-2 space-y-2">
          {(Object.keys(DIRECTION_LABELS) as Direction[]).map((direction) => (
            <div key={direction}>
              <dt className="font-semibold"><span aria-hidden="true">{DIRECTION_MARK[direction]} </span>{DIRECTION_LABELS[direction]}</dt>
              <dd>{DIRECTION_MEANINGS[direction]}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="grades">
        <h2 id="grades" className="font-serif text-2xl font-bold">Grades</h2>
        <p>
          Every citation carries two grades on the Admiralty (NATO) scale, written together as in “B1”. The letter grades the source, the number what it
          says in this citation. They are independent on purpose: a usually reliable source can carry a doubtful claim, and an unknown source can report
          something other sources confirm.
        </p>
        <h3 className="mt-4 text-lg font-semibold">Source reliability (A–F), set by an administrator for the source as a whole</h3>
        <dl className="mt-2 space-y-2">
          {(Object.keys(RELIABILITY_GRADES) as Reliability[]).map((grade) => (
            <div key={grade}>
              <dt className="font-semibold">{grade}: {RELIABILITY_GRADES[grade].label}</dt>
              <dd>{RELIABILITY_GRADES[grade].meaning}</dd>
            </div>
          ))}
        </dl>
        <h3 className="mt-4 text-lg font-semibold">Information credibility (1–6), set by the analyst for what the source says in one citation</h3>
        <dl className="mt-2 space-y-2">
          {([1, 2, 3, 4, 5, 6] as Credibility[]).map((grade) => (
            <div key={grade}>
              <dt className="font-semibold">{grade}: {CREDIBILITY_GRADES[grade].label}</dt>
              <dd>{CREDIBILITY_GRADES[grade].meaning}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="current-status">
        <h2 id="current-status" className="font-serif text-2xl font-bold">How the current status is derived</h2>
        <ul className="mt-2 list-disc space-y-2 pl-6">
          <li>Only published changes count. Drafts are not shown; retracted changes stay in the history, marked, but no longer count.</li>
          <li>
            A change takes effect at its <em>effective time</em>: the moment it states (a withdrawal “effective at midnight” in Seoul) or, without one, when
            it occurred. The current status is that of the published change with the latest effective time that has been reached; ties go to the later
            occurrence, then to the later record.
          </li>
          <li>
            A change whose effective time still lies ahead is a <strong>scheduled change</strong>: it appears as a pending deadline, not as the current
            status, and a dashed outline on the timeline.
          </li>
          <li>
            A later development can <strong>cancel</strong> a scheduled change when it takes effect no later than the scheduled one was due: Seoul’s
            suspension of its GSOMIA termination on 22 November 2019 cancelled the termination due at midnight. A cancelled change stays in the history as
            “did not take effect” and never becomes the status.
          </li>
          <li>
            The timeline draws, for every moment up to today, the status these rules give for that moment as the record stands now; markers show each
            development: ▲ escalation, ▼ de-escalation, ○ neutral.
          </li>
        </ul>
      </section>

      <section aria-labelledby="deadlines">
        <h2 id="deadlines" className="font-serif text-2xl font-bold">Deadlines</h2>
        <p>
          Two kinds of deadline are shown. Scheduled changes take effect at their effective time unless cancelled. Agreements that renew automatically have
          a <strong>notice window</strong>: each term runs for its stated length from entry into force (counted from that date each time, in the
          agreement’s own time zone), and notice of termination must arrive the stated number of days before the term ends. GSOMIA runs for one year,
          renews yearly and needs ninety days’ written notice, so the last day to give notice falls around 24 August each year. Notice deadlines are shown
          only while the agreement is in force, restored or provisionally extended. The home page lists the deadlines of the next 90 days.
        </p>
      </section>

      <section aria-labelledby="dates">
        <h2 id="dates" className="font-serif text-2xl font-bold">Dates</h2>
        <p>
          A development is dated as precisely as it is known: to the day, the month (“November 2019”) or the year, and never shown more precisely than
          that. Dates are given in the time zone where they matter, usually that of the government acting; stated moments carry their zone (“23 November
          2019, 00:00 GMT+9”). Date filters read “from” and “until” as whole periods: from 2019 until 2019 is the whole of 2019.
        </p>
      </section>

      <section aria-labelledby="corroboration">
        <h2 id="corroboration" className="font-serif text-2xl font-bold">Corroboration</h2>
        <p className="mt-2 max-w-prose">
          Each development says how many <strong>independent</strong> sources back it. Sources count once per origin: a report carried by another
          publisher (a Yonhap report in the Korea Herald) is the report of the source it carries, and publishers of one owner or wire agency (their{" "}
          <em>publisher group</em> in the source registry) are one source, as are several reports by one publisher. Retired sources count for nothing.
          Each independent source is as reliable as its best-graded report. A development is <strong>well corroborated</strong> when at least two
          independent sources graded A or B back it, <strong>corroborated</strong> when two or more independent sources do, and backed by a{" "}
          <strong>single source</strong> otherwise (“Confirmed by 3 independent sources, 2 graded B or better”). For a citation, the suggested
          credibility is 1 (confirmed by other sources) when another independent source graded C or better backs the development; otherwise it
          follows its source&apos;s grade: 2 for A or B, 3 for C, 4 for D, 5 for E, 6 when the grade cannot be judged. An analyst may accept the
          rule&apos;s level or set another; the entry then says so, with the analyst&apos;s reason, beside the rule&apos;s count. The{" "}
          <Link href="/developments">list of developments</Link> can be filtered by the level each entry shows (the analyst&apos;s where one judged
          it, else the rule&apos;s over today&apos;s source registry), which is why the filter is not offered when reading the record as of a past
          instant.
        </p>
      </section>

      <section aria-labelledby="mirror-view">
        <h2 id="mirror-view" className="font-serif text-2xl font-bold">The mirror view</h2>
        <p className="mt-2 max-w-prose">
          The mirror view of two parties pairs each measure one of them took against the other with the measure that answered it. A pair is{" "}
          <strong>linked</strong> when an analyst recorded that the answer is a retaliation for the original. Measures left unlinked are{" "}
          <strong>proposed</strong> in pairs when they are of the same type, one each way, and were announced (or, without an announcement date, entered
          into force) within {MIRROR_PROPOSAL_WINDOW_DAYS} days of each other, the closest first; a proposal stays one until an analyst confirms it (it
          becomes a link) or dismisses it (it is never proposed again). Lags are counted in calendar days, each date in its own government&apos;s time
          zone, from the original to the answer: announcements and entries into force as recorded on each measure, liftings from the first published
          lifting. A negative lag means the answer came first, as when South Korea lifted its 2019 measure before Japan lifted the one it answered.
        </p>
      </section>

      <section aria-labelledby="positions">
        <h2 id="positions" className="font-serif text-2xl font-bold">Parties&apos; positions</h2>
        <p className="mt-2 max-w-prose">
          A position is how one party to an agreement or a measure characterises it (or one of its developments) in its own words: a government
          statement or an official&apos;s remark, quoted verbatim in the language it was published in, with an English translation where it is not in
          English and a note of whose translation it is, the date it was said, and its source with a locator. Only the parties to a subject hold
          positions on it; a bystander&apos;s view is not recorded as one. When a party later says something that replaces its earlier position, the new
          one <strong>supersedes</strong> it; the earlier one stays on the page, marked superseded, so you can see how the party&apos;s account changed.
          Positions are not judged true or false here: they are what each side said.
        </p>
      </section>

      <section aria-labelledby="time-axes">
        <h2 id="time-axes" className="font-serif text-2xl font-bold">Three kinds of time</h2>
        <p>Pactwatch keeps three clocks apart, and names them the same on every page, in the API and in the exports.</p>
        <dl className="mt-2 space-y-2">
          <dt className="font-semibold">World time (occurredAt, effectiveAt)</dt>
          <dd>When a change happened, and when it takes effect, which may be later: Seoul gave notice on 23 August 2019 that GSOMIA would end at midnight on 22 November.</dd>
          <dt className="font-semibold">Knowledge time (knownAt)</dt>
          <dd>
            When a development became public: the publication time of the earliest source we cite that could report it (one published no earlier
            than the development occurred). A source is dated to the minute when it gives a time of day; one that gives only a date counts from the
            end of that day, so we never claim something was known earlier than a source can show. With no dated source, a development counts as
            known from when Pactwatch published it.
          </dd>
          <dt className="font-semibold">Record time</dt>
          <dd>When Pactwatch published, revised or retracted an entry. Every version we showed is kept with the moments it was shown from and until.</dd>
        </dl>
        <p className="mt-2">
          Every reading page (home, lists, agreement, measure, relation, party, development, search), the feeds, the history exports and the
          API&apos;s reads take <code>asOf</code> (a date, a local time, or an instant with its offset; pages without a time zone of their own,
          such as a party or a relation, read dates and local times in UTC) and <code>axis</code>. <strong>As known</strong> (the default) shows what we know today about what was public at that
          instant: only developments known by then, with the sources published by then, and the status, pending deadlines and timeline derived at
          that instant; entries we have since retracted stay out. <strong>As recorded</strong> shows what Pactwatch itself showed at that instant,
          each entry in the version current then, retractions only if made by then. <a href="/changes">What changed since</a> lists everything
          added, corrected or retracted after an instant you choose.
        </p>
      </section>

      <section aria-labelledby="corrections">
        <h2 id="corrections" className="font-serif text-2xl font-bold">Corrections</h2>
        <ul className="mt-2 list-disc space-y-2 pl-6">
          <li>Every edit to a published entry is kept as a revision; the entry says when it was last revised.</li>
          <li>
            An entry found to be wrong is <strong>retracted</strong>, never deleted: it stays in the history struck through, with who retracted it, when and
            why, and stops counting for the current status.
          </li>
          <li>
            Duplicate sources are merged: every citation moves to the source kept, and the old address redirects to it. Sources that can no longer be
            trusted are retired and marked wherever they are cited.
          </li>
          <li>Source addresses are stored canonically (http or https only, tracking parameters removed), so one report is one source.</li>
        </ul>
        <p className="mt-3">
          Everything on the site can be followed by <Link href="/developments">Atom feed</Link> and exported as CSV or JSON from any filtered history.
        </p>
      </section>

      <section aria-labelledby="links">
        <h2 id="links" className="font-serif text-2xl font-bold">Which links you can trust</h2>
        <p className="mt-2 max-w-prose">
          Links in the navigation, in headings and in the sources list are Pactwatch&apos;s own. Inside an analyst&apos;s text, a link to another page of
          this site reads as plain text; a link to any other site is marked <strong>(external)</strong> and is not endorsed by Pactwatch: check the
          address before you rely on it. Sources are trusted as far as their grade says, never because they are linked.
        </p>
      </section>
    </article>
  );
}
