import { describe, expect, it } from "vitest";
import { csvRows, csvSafeCell } from "./csv-cells";

describe("csvSafeCell", () => {
  it.each(["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "=HYPERLINK(\"https://evil.example\",\"x\")", " =1", "\n=1", "\tplain", "\rplain"])(
    "keeps %j as text with a leading apostrophe",
    (value) => {
      expect(csvSafeCell(value)).toBe(`'${value}`);
    },
  );

  it.each(["GSOMIA", "", "1-2", "a=b", "e-mail@example.org", "{\"a\":1}", "2019-11-22", "'already quoted", "日本"])("leaves %j alone", (value) => {
    expect(csvSafeCell(value)).toBe(value);
  });

  it("quotes as RFC 4180 and guards every cell of every row", () => {
    expect(csvRows([["id", "headline"], ["1", "=cmd|' /C calc'!A0"], ["2", "a, \"b\"\nc"]])).toBe(
      `id,headline\n1,'=cmd|' /C calc'!A0\n2,"a, ""b""\nc"\n`,
    );
  });
});
