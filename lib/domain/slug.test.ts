import { describe, it, expect } from "vitest";
import { MAX_SLUG_LENGTH, slugify, uniqueSlug } from "./slug";

describe("slugify", () => {
  it("lower-cases words and joins them with hyphens", () => {
    expect(slugify("General Security of Military Information Agreement (GSOMIA)")).toBe(
      "general-security-of-military-information-agreement-gsomia",
    );
    expect(slugify("  Japan–South Korea export controls, 2019!  ")).toBe("japan-south-korea-export-controls-2019");
  });

  it("transliterates accents and letters NFKD leaves alone", () => {
    expect(slugify("Accord de libre-échange Canada–Union européenne")).toBe("accord-de-libre-echange-canada-union-europeenne");
    expect(slugify("Straße nach Łódź, Øresund, Þingvellir, Æthelred")).toBe("strasse-nach-lodz-oresund-thingvellir-aethelred");
    expect(slugify("Ōsaka ﬁnal ① İstanbul")).toBe("osaka-final-1-istanbul");
  });

  it("keeps possessives whole and spells out ampersands", () => {
    expect(slugify("Japan's white list & Korea’s response")).toBe("japans-white-list-and-koreas-response");
  });

  it("falls back when nothing is left", () => {
    expect(slugify("지소미아")).toBe("item");
    expect(slugify("")).toBe("item");
    expect(slugify("— ! —")).toBe("item");
  });

  it("stays within 80 characters, cutting at a word where it can", () => {
    const title = "Agreement between the Government of Japan and the Government of the Republic of Korea on the Protection of Classified Military Information";
    const slug = slugify(title);
    expect(slug).toBe("agreement-between-the-government-of-japan-and-the-government-of-the-republic-of");
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slugify("a".repeat(100))).toBe("a".repeat(80));
  });
});

describe("uniqueSlug", () => {
  it("keeps a free slug and numbers taken ones from 2", () => {
    expect(uniqueSlug("gsomia", () => false)).toBe("gsomia");
    const taken = new Set(["gsomia", "gsomia-2", "gsomia-3"]);
    expect(uniqueSlug("gsomia", (slug) => taken.has(slug))).toBe("gsomia-4");
  });

  it("shortens the base so the suffix still fits", () => {
    const base = "a".repeat(80);
    const result = uniqueSlug(base, (slug) => slug === base);
    expect(result).toBe(`${"a".repeat(78)}-2`);
  });

  it("gives up instead of looping forever", () => {
    expect(() => uniqueSlug("gsomia", () => true)).toThrow(RangeError);
  });
});
