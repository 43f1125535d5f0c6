// The mirror view of a relation (issue 13, item 3): each party's measures against the other's,
// paired — explicit RETALIATION_FOR links first, then proposals by type and time for an analyst
// to confirm or dismiss — with the lag, in calendar days, between the two announcements, entries
// into force and liftings. Pure: the dates arrive as local ISO dates ("YYYY-MM-DD", each in its
// own measure's time zone, which is how the record states them), so a lag is a count of days on
// the calendar, not of 24-hour periods across zones.
import { parseIsoDate, utcMidnightOf } from "./calendar-date";

/** One measure of the pair, as the mirror view needs it. */
export type TMirrorMeasure = {
  id: string;
  slug: string;
  title: string;
  /** The code of the party imposing it (one of the pair). */
  imposingCode: string;
  measureType: string;
  /** Local ISO dates, or null when the record does not hold one (yet). */
  announcedOn: string | null;
  inForceOn: string | null;
  liftedOn: string | null;
};

/** A RETALIATION_FOR link between two measures: `answerId` retaliates for `originalId`. */
export type TRetaliationLink = { answerId: string; originalId: string };

/** Lags in days from the original's date to the answer's (negative: the answer came first); null when either date is missing. */
export type TMirrorLags = { announcement: number | null; inForce: number | null; lifting: number | null };

export type TMirrorPair<TMeasure extends TMirrorMeasure = TMirrorMeasure> = {
  /** LINKED: a RETALIATION_FOR link says so; PROPOSED: same type and close in time, for an analyst to confirm. */
  basis: "LINKED" | "PROPOSED";
  original: TMeasure;
  answer: TMeasure;
  lags: TMirrorLags;
};

/** How far apart (in days) two announcements may be for the measures to be proposed as a pair. */
export const MIRROR_PROPOSAL_WINDOW_DAYS = 183;

/** Calendar days from one ISO date to another, or null when either is missing or malformed. */
export function daysBetween(from: string | null, to: string | null): number | null {
  const start = from ? parseIsoDate(from) : null;
  const end = to ? parseIsoDate(to) : null;
  if (!start || !end) return null;
  return Math.round((utcMidnightOf(end) - utcMidnightOf(start)) / 86_400_000);
}

export function mirrorLags(original: TMirrorMeasure, answer: TMirrorMeasure): TMirrorLags {
  return {
    announcement: daysBetween(original.announcedOn, answer.announcedOn),
    inForce: daysBetween(original.inForceOn, answer.inForceOn),
    lifting: daysBetween(original.liftedOn, answer.liftedOn),
  };
}

/** The order-free key of two measures, as dismissals are stored. */
export function pairKey(firstId: string, secondId: string): string {
  return firstId < secondId ? `${firstId}|${secondId}` : `${secondId}|${firstId}`;
}

/** When a measure started, for proposing: its announcement, else its entry into force. */
const startOf = (measure: TMirrorMeasure) => measure.announcedOn ?? measure.inForceOn;

type TPairingInput<TMeasure extends TMirrorMeasure> = {
  measures: readonly TMeasure[];
  links: readonly TRetaliationLink[];
  /** pairKey()s of proposals an analyst dismissed: never proposed again. */
  dismissed?: ReadonlySet<string>;
  windowDays?: number;
};

/**
 * Pairs the measures either way between two parties. Every RETALIATION_FOR link between a measure
 * of one party and a measure of the other is a pair (a measure may answer several). The measures
 * left unlinked are then proposed in pairs: opposite imposers, the same measure type, starts at
 * most `windowDays` apart, closest first, each measure in at most one proposal; the one that
 * started first is the original (on a tie, the one with the smaller id, so the result is stable).
 * Links between two measures of the same party are not mirror pairs and are ignored.
 */
export function pairMirrorMeasures<TMeasure extends TMirrorMeasure>({ measures, links, dismissed = new Set(), windowDays = MIRROR_PROPOSAL_WINDOW_DAYS }: TPairingInput<TMeasure>) {
  const byId = new Map(measures.map((measure) => [measure.id, measure]));
  const pairs: TMirrorPair<TMeasure>[] = [];
  const linked = new Set<string>();
  const seenLinks = new Set<string>();
  for (const link of links) {
    const original = byId.get(link.originalId);
    const answer = byId.get(link.answerId);
    if (!original || !answer || original.imposingCode === answer.imposingCode) continue;
    const key = `${answer.id}|${original.id}`;
    if (seenLinks.has(key)) continue;
    seenLinks.add(key);
    linked.add(original.id).add(answer.id);
    pairs.push({ basis: "LINKED", original, answer, lags: mirrorLags(original, answer) });
  }
  pairs.sort(byOriginalStart);

  const free = measures.filter((measure) => !linked.has(measure.id) && startOf(measure));
  const candidates: { gap: number; original: TMeasure; answer: TMeasure }[] = [];
  for (const [index, one] of free.entries()) {
    for (const other of free.slice(index + 1)) {
      if (one.imposingCode === other.imposingCode || one.measureType !== other.measureType || dismissed.has(pairKey(one.id, other.id))) continue;
      const gap = daysBetween(startOf(one), startOf(other)) as number;
      if (Math.abs(gap) > windowDays) continue;
      const oneFirst = gap > 0 || (gap === 0 && one.id < other.id);
      candidates.push({ gap: Math.abs(gap), original: oneFirst ? one : other, answer: oneFirst ? other : one });
    }
  }
  candidates.sort((a, b) => a.gap - b.gap || a.original.id.localeCompare(b.original.id) || a.answer.id.localeCompare(b.answer.id));
  const proposed = new Set<string>();
  const proposals: TMirrorPair<TMeasure>[] = [];
  for (const { original, answer } of candidates) {
    if (proposed.has(original.id) || proposed.has(answer.id)) continue;
    proposed.add(original.id).add(answer.id);
    proposals.push({ basis: "PROPOSED", original, answer, lags: mirrorLags(original, answer) });
  }
  proposals.sort(byOriginalStart);

  const paired = new Set([...linked, ...proposed]);
  return { pairs: [...pairs, ...proposals], unpaired: measures.filter((measure) => !paired.has(measure.id)) };
}

function byOriginalStart(a: TMirrorPair, b: TMirrorPair): number {
  return (startOf(a.original) ?? "").localeCompare(startOf(b.original) ?? "") || a.original.id.localeCompare(b.original.id) || a.answer.id.localeCompare(b.answer.id);
}

/** A lag in words, from the answer's side: "21 days later", "88 days earlier", "the same day", or "—" when unknown. */
export function describeLag(days: number | null): string {
  if (days === null) return "—";
  if (days === 0) return "the same day";
  const count = Math.abs(days);
  return `${count} ${count === 1 ? "day" : "days"} ${days > 0 ? "later" : "earlier"}`;
}
