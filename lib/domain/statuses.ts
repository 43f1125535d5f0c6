import { Status, type Direction } from "../generated/prisma/enums";

// Re-exported so the methodology page can take every grading text from the same module as statuses.
export {
  CREDIBILITY_GRADES,
  RELIABILITY_GRADES,
  formatAdmiraltyGrade,
  isCredibility,
  type Credibility,
  type GradeText,
} from "./admiralty-grades";

/** The kinds of tracked item a status change can belong to. */
export type SubjectKind = "AGREEMENT" | "MEASURE";

/** Statuses an agreement may take, in the order of a typical life cycle. */
export const AGREEMENT_STATUSES = [
  Status.NEGOTIATING,
  Status.SIGNED,
  Status.IN_FORCE,
  Status.NOTICE_GIVEN,
  Status.PROVISIONALLY_EXTENDED,
  Status.SUSPENDED,
  Status.TERMINATED,
  Status.RESTORED,
] as const;

/** Statuses a trade measure may take, in the order of a typical life cycle. */
export const MEASURE_STATUSES = [Status.ANNOUNCED, Status.IN_FORCE, Status.EASED, Status.SUSPENDED, Status.LIFTED] as const;

/** A status an agreement may take. */
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];
/** A status a trade measure may take. */
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

/** The statuses each kind of subject may take. */
export const STATUSES_BY_SUBJECT_KIND: Readonly<Record<SubjectKind, readonly Status[]>> = {
  AGREEMENT: AGREEMENT_STATUSES,
  MEASURE: MEASURE_STATUSES,
};

/** Whether a status may be logged for this kind of subject (no LIFTED agreements, no SIGNED measures). */
export function isStatusValidFor(kind: SubjectKind, status: Status): boolean {
  return STATUSES_BY_SUBJECT_KIND[kind].includes(status);
}

/** Human labels for statuses, in sentence case. */
export const STATUS_LABELS: Readonly<Record<Status, string>> = {
  NEGOTIATING: "Negotiating",
  SIGNED: "Signed",
  IN_FORCE: "In force",
  NOTICE_GIVEN: "Notice given",
  PROVISIONALLY_EXTENDED: "Provisionally extended",
  SUSPENDED: "Suspended",
  TERMINATED: "Terminated",
  RESTORED: "Restored",
  ANNOUNCED: "Announced",
  EASED: "Eased",
  LIFTED: "Lifted",
};

// IN_FORCE and SUSPENDED mean different things for a treaty and for a tariff, so meanings are per kind.
/** One-sentence meaning of each status, as shown on the methodology page. */
export const STATUS_MEANINGS: Readonly<{
  AGREEMENT: Readonly<Record<AgreementStatus, string>>;
  MEASURE: Readonly<Record<MeasureStatus, string>>;
}> = {
  AGREEMENT: {
    NEGOTIATING:
      "The parties are negotiating the text; nothing has been signed and the agreement creates no obligations yet.",
    SIGNED:
      "The parties have signed the text, but it has not yet entered into force, usually because ratification or another domestic procedure is outstanding.",
    IN_FORCE: "The agreement has entered into force and binds the parties according to its terms.",
    NOTICE_GIVEN:
      "A party has formally notified the other parties that it will terminate or withdraw from the agreement, which stays in force until the notice takes effect.",
    PROVISIONALLY_EXTENDED:
      "The agreement remains in force beyond a scheduled end because a party has put off or conditionally suspended its notice, without committing to keep it in force.",
    SUSPENDED:
      "A party has stopped applying the agreement, wholly or in part, for the time being without terminating it.",
    TERMINATED: "The agreement has ceased to have effect and no longer binds the parties.",
    RESTORED:
      "The agreement applies fully again because a notice, suspension or provisional extension has been withdrawn or settled.",
  },
  MEASURE: {
    ANNOUNCED: "The imposing government has announced the measure, but it does not apply yet.",
    IN_FORCE: "The measure applies to the goods, services, companies or countries it targets.",
    EASED:
      "The measure still applies but has been narrowed or relaxed, for example to fewer products, lower rates or simpler licensing.",
    SUSPENDED:
      "The imposing government has stopped applying the measure for the time being without revoking it, so it can resume without a new decision.",
    LIFTED: "The measure has been revoked or has expired and no longer applies.",
  },
};

/** The meaning of a status for this kind of subject, or null when the kind cannot take that status. */
export function statusMeaning(kind: SubjectKind, status: Status): string | null {
  const meanings: Readonly<Partial<Record<Status, string>>> = STATUS_MEANINGS[kind];
  return meanings[status] ?? null;
}

/** Human labels for the direction of a change. */
export const DIRECTION_LABELS: Readonly<Record<Direction, string>> = {
  ESCALATION: "Escalation",
  DE_ESCALATION: "De-escalation",
  NEUTRAL: "Neutral",
};

/** One-sentence meaning of each direction, as shown on the methodology page. */
export const DIRECTION_MEANINGS: Readonly<Record<Direction, string>> = {
  ESCALATION:
    "The change adds tension or pressure between the parties, such as a new restriction, a notice of termination or a suspension.",
  DE_ESCALATION:
    "The change reduces tension or pressure between the parties, such as an easing, a lifted measure or a withdrawn notice.",
  NEUTRAL:
    "The change neither adds nor reduces tension, such as a signature, a ratification or another procedural step.",
};
