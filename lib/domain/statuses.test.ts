import { describe, it, expect } from "vitest";
import { Direction, Reliability, Status } from "../generated/prisma/enums";
import {
  AGREEMENT_STATUSES,
  CREDIBILITY_GRADES,
  DIRECTION_LABELS,
  DIRECTION_MEANINGS,
  MEASURE_STATUSES,
  RELIABILITY_GRADES,
  STATUS_LABELS,
  formatAdmiraltyGrade,
  isCredibility,
  isStatusValidFor,
  statusMeaning,
} from "./statuses";

// One capitalised sentence with a single full stop at its end.
const isOneSentence = (text: string) => /^[A-Z][^.]*\.$/.test(text);

describe("statuses by subject kind", () => {
  it("lists the agreement and measure life cycles", () => {
    expect(AGREEMENT_STATUSES).toEqual([
      "NEGOTIATING",
      "SIGNED",
      "IN_FORCE",
      "NOTICE_GIVEN",
      "PROVISIONALLY_EXTENDED",
      "SUSPENDED",
      "TERMINATED",
      "RESTORED",
    ]);
    expect(MEASURE_STATUSES).toEqual(["ANNOUNCED", "IN_FORCE", "EASED", "SUSPENDED", "LIFTED"]);
  });

  it("covers every status of the schema with at least one kind", () => {
    const covered = new Set<Status>([...AGREEMENT_STATUSES, ...MEASURE_STATUSES]);
    expect([...covered].sort()).toEqual(Object.values(Status).sort());
  });

  it("accepts shared statuses for both kinds and refuses the other kind's", () => {
    expect(isStatusValidFor("AGREEMENT", "IN_FORCE")).toBe(true);
    expect(isStatusValidFor("MEASURE", "IN_FORCE")).toBe(true);
    expect(isStatusValidFor("MEASURE", "SUSPENDED")).toBe(true);
    expect(isStatusValidFor("AGREEMENT", "LIFTED")).toBe(false);
    expect(isStatusValidFor("AGREEMENT", "ANNOUNCED")).toBe(false);
    expect(isStatusValidFor("MEASURE", "PROVISIONALLY_EXTENDED")).toBe(false);
    expect(isStatusValidFor("MEASURE", "TERMINATED")).toBe(false);
  });
});

describe("status texts", () => {
  it("labels statuses in sentence case", () => {
    expect(STATUS_LABELS.PROVISIONALLY_EXTENDED).toBe("Provisionally extended");
    expect(STATUS_LABELS.IN_FORCE).toBe("In force");
    expect(STATUS_LABELS.NOTICE_GIVEN).toBe("Notice given");
  });

  it("gives each status a one-sentence meaning for each kind that can take it", () => {
    for (const status of AGREEMENT_STATUSES) expect(isOneSentence(statusMeaning("AGREEMENT", status)!)).toBe(true);
    for (const status of MEASURE_STATUSES) expect(isOneSentence(statusMeaning("MEASURE", status)!)).toBe(true);
    expect(statusMeaning("AGREEMENT", "IN_FORCE")).not.toBe(statusMeaning("MEASURE", "IN_FORCE"));
    expect(statusMeaning("MEASURE", "TERMINATED")).toBeNull();
  });

  it("labels and explains directions", () => {
    expect(DIRECTION_LABELS.DE_ESCALATION).toBe("De-escalation");
    for (const direction of Object.values(Direction)) expect(isOneSentence(DIRECTION_MEANINGS[direction])).toBe(true);
  });
});

describe("Admiralty grades", () => {
  it("uses the standard labels for source reliability", () => {
    expect(Object.values(Reliability).map((grade) => RELIABILITY_GRADES[grade].label)).toEqual([
      "Completely reliable",
      "Usually reliable",
      "Fairly reliable",
      "Not usually reliable",
      "Unreliable",
      "Reliability cannot be judged",
    ]);
  });

  it("uses the standard labels for information credibility", () => {
    expect(([1, 2, 3, 4, 5, 6] as const).map((grade) => CREDIBILITY_GRADES[grade].label)).toEqual([
      "Confirmed by other sources",
      "Probably true",
      "Possibly true",
      "Doubtful",
      "Improbable",
      "Truth cannot be judged",
    ]);
  });

  it("defines every grade in one sentence", () => {
    for (const grade of [...Object.values(RELIABILITY_GRADES), ...Object.values(CREDIBILITY_GRADES)]) {
      expect(isOneSentence(grade.meaning)).toBe(true);
    }
  });

  it("recognises stored credibility numbers and writes compact grades", () => {
    expect(isCredibility(1)).toBe(true);
    expect(isCredibility(6)).toBe(true);
    expect(isCredibility(0)).toBe(false);
    expect(isCredibility(7)).toBe(false);
    expect(isCredibility(2.5)).toBe(false);
    expect(formatAdmiraltyGrade("B", 2)).toBe("B2");
  });
});
