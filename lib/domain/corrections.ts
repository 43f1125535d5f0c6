import type { CorrectionType, RevisionKind, Role } from "../generated/prisma/enums";

// The words of issue 12 for why a published development changed, shared by the desk's form, the
// public revision history, the corrections log and its feed and exports.

/** The kinds an edit of a published entry chooses between (errata and retractions have their own doors). */
export const EDIT_KINDS = ["CLARIFICATION", "CORRECTION"] as const satisfies readonly RevisionKind[];
export type TEditKind = (typeof EDIT_KINDS)[number];

export const REVISION_KIND_LABELS: Readonly<Record<RevisionKind, string>> = {
  CLARIFICATION: "Clarification",
  CORRECTION: "Correction",
  SOURCE_ERRATUM: "Source erratum",
  RETRACTION: "Retraction",
};

/** What each kind means, as the form explains it. */
export const EDIT_KIND_HINTS: Readonly<Record<TEditKind, string>> = {
  CLARIFICATION: "Wording only: no fact changes (a clearer headline, a typo, a better quote).",
  CORRECTION: "A fact was wrong or missing: readers see it in the corrections log.",
};

export const CORRECTION_TYPES = [
  "WRONG_DATE",
  "WRONG_STATUS",
  "WRONG_PARTY",
  "WRONG_OR_MISSING_SOURCE",
  "ANNOUNCEMENT_CONFUSED_WITH_EFFECT",
  "SUSPENSION_CONFUSED_WITH_TERMINATION",
  "OTHER",
] as const satisfies readonly CorrectionType[];

export const CORRECTION_TYPE_LABELS: Readonly<Record<CorrectionType, string>> = {
  WRONG_DATE: "Wrong date",
  WRONG_STATUS: "Wrong status",
  WRONG_PARTY: "Wrong party",
  WRONG_OR_MISSING_SOURCE: "Wrong or missing source",
  ANNOUNCEMENT_CONFUSED_WITH_EFFECT: "Announcement confused with effect",
  SUSPENSION_CONFUSED_WITH_TERMINATION: "Suspension confused with termination",
  OTHER: "Other",
};

/** The kinds the corrections log lists: every public change of fact, not clarifications. */
export const LOGGED_KINDS = ["CORRECTION", "SOURCE_ERRATUM", "RETRACTION"] as const satisfies readonly RevisionKind[];

const ROLE_CREDITS: Readonly<Record<Role, string>> = { READER: "A reader", ANALYST: "An analyst", ADMIN: "An editor (admin)" };

/**
 * Who saved a version, as a signed-out reader sees it: the account's name where it chose to be
 * named, otherwise its role; data Pactwatch loaded itself has no account.
 */
export function publicCredit(actor: { name: string; role: Role; namedInPublic: boolean } | null | undefined): string {
  if (!actor) return "Pactwatch demo data";
  return actor.namedInPublic ? actor.name : ROLE_CREDITS[actor.role];
}
