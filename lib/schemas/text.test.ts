import { describe, expect, it } from "vitest";
import { hasLoneSurrogate, SURROGATE_MESSAGE, text } from "./text";

describe("text()", () => {
  it("refuses half of a surrogate pair, which PostgreSQL's json cannot hold, and keeps whole characters", () => {
    for (const value of ["\ud800", "a\udc00", "\udbff\ud800", "end\ud83d"]) {
      expect(hasLoneSurrogate(value), JSON.stringify(value)).toBe(true);
      const result = text().safeParse(value);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe(SURROGATE_MESSAGE);
    }
    for (const value of ["GSOMIA", "지소미아", "日韓", "🇯🇵🇰🇷 emoji", ""]) expect(text().parse(value)).toBe(value);
  });
});
