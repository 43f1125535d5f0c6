import { describe, expect, it } from "vitest";
import { agreementRef, measureRef, subjectHref, subjectRef } from "./subject-ref";

describe("subjectRef", () => {
  it("links an agreement to its page and names it by its short name, else its title", () => {
    expect(agreementRef({ slug: "gsomia", title: "General Security of Military Information Agreement", shortName: "GSOMIA" })).toEqual({
      kind: "AGREEMENT",
      slug: "gsomia",
      name: "GSOMIA",
      href: "/agreements/gsomia",
    });
    expect(agreementRef({ slug: "fta", title: "Free Trade Agreement", shortName: null }).name).toBe("Free Trade Agreement");
    expect(agreementRef({ slug: "fta", title: "Free Trade Agreement", shortName: "" }).name).toBe("Free Trade Agreement");
  });

  it("links a measure to its page under its title, and picks whichever subject an entry has", () => {
    expect(measureRef({ slug: "japan-export-controls", title: "Japan tightens export controls" }).href).toBe("/measures/japan-export-controls");
    expect(subjectRef({ agreement: null, measure: { slug: "m", title: "A measure" } })).toMatchObject({ kind: "MEASURE", name: "A measure", href: "/measures/m" });
    expect(subjectRef({ agreement: { slug: "a", title: "An agreement" }, measure: null })?.href).toBe("/agreements/a");
    expect(subjectRef({ agreement: null, measure: null })).toBeNull();
    expect(subjectHref("AGREEMENT", "x")).toBe("/agreements/x");
  });
});
