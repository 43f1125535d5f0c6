import type { Reliability } from "../generated/prisma/enums";

/** A grade's short label and its one-sentence definition. */
export interface GradeText {
  label: string;
  meaning: string;
}

/** Admiralty information credibility, 1 (confirmed) to 6 (cannot be judged). */
export type Credibility = 1 | 2 | 3 | 4 | 5 | 6;

// The two scales are independent on purpose: a usually reliable source can carry a doubtful
// claim, and an unknown source can report something other sources confirm.

/** Admiralty source reliability: how far the source has earned trust, judged apart from any one claim. */
export const RELIABILITY_GRADES: Readonly<Record<Reliability, GradeText>> = {
  A: {
    label: "Completely reliable",
    meaning: "No doubt about the source's authenticity, trustworthiness or competence, and a history of complete reliability.",
  },
  B: {
    label: "Usually reliable",
    meaning: "Minor doubt about the source's authenticity, trustworthiness or competence, and a history of valid information most of the time.",
  },
  C: {
    label: "Fairly reliable",
    meaning: "Doubt about the source's authenticity, trustworthiness or competence, though it has provided valid information in the past.",
  },
  D: {
    label: "Not usually reliable",
    meaning: "Significant doubt about the source's authenticity, trustworthiness or competence, though it has provided valid information in the past.",
  },
  E: {
    label: "Unreliable",
    meaning: "The source lacks authenticity, trustworthiness and competence, and has a history of invalid information.",
  },
  F: {
    label: "Reliability cannot be judged",
    meaning: "There is no basis for judging the source's reliability yet; every new source carries this grade until an administrator grades it.",
  },
};

/** Admiralty information credibility: how far the cited statement itself can be believed. */
export const CREDIBILITY_GRADES: Readonly<Record<Credibility, GradeText>> = {
  1: {
    label: "Confirmed by other sources",
    meaning: "Independent sources confirm the information, which is logical in itself and consistent with other information on the subject.",
  },
  2: {
    label: "Probably true",
    meaning: "Not independently confirmed, but logical in itself and consistent with other information on the subject.",
  },
  3: {
    label: "Possibly true",
    meaning: "Not confirmed, but reasonably logical in itself and in agreement with some other information on the subject.",
  },
  4: {
    label: "Doubtful",
    meaning: "Not confirmed and possible, but not logical in itself, and no other information on the subject supports it.",
  },
  5: {
    label: "Improbable",
    meaning: "Not confirmed, not logical in itself and contradicted by other information on the subject.",
  },
  6: {
    label: "Truth cannot be judged",
    meaning: "There is no basis for judging whether the information is true.",
  },
};

/** Whether a stored number is a credibility grade (the column is a plain integer). */
export function isCredibility(value: number): value is Credibility {
  return Number.isInteger(value) && value >= 1 && value <= 6;
}

/** The compact two-character grade analysts write, source reliability then credibility ("B2"). */
export function formatAdmiraltyGrade(reliability: Reliability, credibility: Credibility): string {
  return `${reliability}${credibility}`;
}
