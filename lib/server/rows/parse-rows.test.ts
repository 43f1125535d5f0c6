import { describe, expect, it } from "vitest";
import { ZHistoryRow } from "./history-row";
import { parseRows, RowShapeError } from "./parse-rows";
import { ZPartyListRow } from "./party-rows";

// A history row as adapter-pg hands it over: Dates for timestamptz, the citations as parsed json
// whose instants are ISO strings.
const historyRow = () => ({
  id: "0190a1b2-0000-7000-8000-000000000001",
  status: "TERMINATED",
  headline: "Korea decides to terminate GSOMIA",
  body: "",
  occurredAt: new Date("2019-08-22T00:00:00Z"),
  occurredPrecision: "DAY",
  timeZone: "Asia/Seoul",
  effectiveAt: new Date("2019-11-22T15:00:00Z"),
  effectiveTime: new Date("2019-11-22T15:00:00Z"),
  direction: "ESCALATION",
  state: "PUBLISHED",
  cancelsId: null,
  createdAt: new Date("2026-01-01T00:00:00Z"),
  updatedAt: new Date("2026-01-01T00:00:00Z"),
  publishedAt: new Date("2026-01-01T00:00:00Z"),
  retractedAt: null,
  retractionReason: null,
  corroborationLevel: null,
  corroborationReason: null,
  version: 1,
  retractedByName: null,
  agreementSlug: "gsomia",
  agreementName: "GSOMIA",
  agreementTitle: "General Security of Military Information Agreement",
  measureSlug: null,
  measureTitle: null,
  schedule: "cancelled",
  revisionCount: 0,
  revisedAt: null,
  correctionCount: 0,
  knownAt: null,
  citations: [
    {
      id: "0190a1b2-0000-7000-8000-000000000002",
      quote: null,
      quoteOriginal: null,
      quoteLanguage: null,
      locator: null,
      credibility: 6,
      erratum: null,
      erratumAt: null,
      source: {
        id: "0190a1b2-0000-7000-8000-000000000003",
        url: "https://example.org/a",
        title: "A",
        publisher: "P",
        authors: [],
        publishedAt: "2019-08-22T18:30:00+09:00",
        kind: "NEWS",
        reliability: "B",
        retiredAt: null,
        retiredReason: null,
        archiveUrl: null,
        publisherGroup: null,
        origin: null,
      },
    },
  ],
});

describe("parseRows", () => {
  it("converts what PostgreSQL returns into what the code reads", () => {
    const [row] = parseRows(ZHistoryRow, [historyRow()]);
    expect(row!.citations[0]!.source.publishedAt).toEqual(new Date("2019-08-22T09:30:00Z"));
    const [party] = parseRows(ZPartyListRow, [
      { id: "x", code: "KOR", name: "Korea", kind: "STATE", aliases: [], agreements: 1, measures: 2, sortKey: "korea", total: 7n },
    ]);
    expect(party!.total).toBe(7);
  });

  it("names the row family, the row and the column of a row that does not fit", () => {
    const bigintCount = { ...historyRow(), revisionCount: 3n };
    expect(() => parseRows(ZHistoryRow, [historyRow(), bigintCount])).toThrow(RowShapeError);
    expect(() => parseRows(ZHistoryRow, [historyRow(), bigintCount])).toThrow(/^history row: row 1, column "revisionCount": .*expected number, received bigint/);

    const { headline: _missing, ...withoutHeadline } = historyRow();
    expect(() => parseRows(ZHistoryRow, [withoutHeadline])).toThrow(/column "headline": .*received undefined/);

    const uncastEnum = { ...historyRow(), status: "PENDING_RATIFICATION" };
    expect(() => parseRows(ZHistoryRow, [uncastEnum])).toThrow(/column "status"/);

    const row = historyRow();
    row.citations[0]!.source.publishedAt = "the day after the decision";
    expect(() => parseRows(ZHistoryRow, [row])).toThrow(/column "citations\[0\]\.source\.publishedAt"/);

    const stringInstant = { ...historyRow(), occurredAt: "2019-08-22T00:00:00Z" };
    expect(() => parseRows(ZHistoryRow, [stringInstant])).toThrow(/column "occurredAt": .*expected date/);
  });

  it("refuses a result that is not a list of rows", () => {
    expect(() => parseRows(ZHistoryRow, 3)).toThrow(/history row: .*expected an array of rows, got number/);
  });
});
