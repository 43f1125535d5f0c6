// The benchmark's pure parts, tested so the instrument itself can be trusted: statistics over
// rounds, the sequential-scan detector, the Markdown table, parameter inlining and capture parsing.
import { describe, expect, it } from "vitest";
import { isRead, parseCapture } from "./capture";
import { findSeqScans, rootPlan, seqScanViolations } from "./plan-check";
import { inlineParameters, sqlLiteral } from "./sql-literal";
import { formatSummary, median, percentile, ratio, summarize } from "./stats";
import { markdownTable, type TMeasurement } from "./table";

describe("statistics over rounds", () => {
  it("takes the middle value, or the mean of the two middle ones", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it("finds percentiles by nearest rank", () => {
    const values = Array.from({ length: 100 }, (_, index) => index + 1); // 1…100
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(() => percentile(values, 101)).toThrow(RangeError);
  });

  it("summarises median, min and max, ignoring missing values", () => {
    expect(summarize([120, Number.NaN, 80, 100])).toEqual({ median: 100, min: 80, max: 120, n: 3 });
    expect(formatSummary(summarize([120, 80, 100]))).toBe("100 (80.0–120)");
    expect(formatSummary(summarize([12.345]))).toBe("12.3");
    expect(ratio(30, 0)).toBeNaN();
    expect(ratio(30, 60)).toBe(0.5);
  });
});

// Shaped like node-postgres's row for EXPLAIN (FORMAT JSON): one plan with a hashed subplan.
const SAMPLE_PLAN = [
  {
    Plan: {
      "Node Type": "Limit",
      Plans: [
        {
          "Node Type": "Seq Scan",
          "Relation Name": "Agreement",
          "Actual Rows": 1,
          "Actual Loops": 1,
          "Rows Removed by Filter": 83,
          Plans: [{ "Node Type": "Seq Scan", "Relation Name": "StatusChange", "Actual Rows": 9, "Actual Loops": 1, "Rows Removed by Filter": 32_061 }],
        },
        { "Node Type": "Index Scan", "Relation Name": "StatusChange", "Index Name": "StatusChange_agreement_history_idx" },
      ],
    },
  },
];

describe("the sequential-scan detector", () => {
  it("finds every sequential scan with the rows it read", () => {
    expect(findSeqScans(rootPlan(SAMPLE_PLAN))).toEqual([
      { table: "Agreement", rowsRead: 84 },
      { table: "StatusChange", rowsRead: 32_070 },
    ]);
    expect(findSeqScans(rootPlan(JSON.stringify(SAMPLE_PLAN)))).toHaveLength(2);
  });

  it("names only tables over the threshold", () => {
    const sizes: Record<string, number> = { Agreement: 84, StatusChange: 1_000_000 };
    expect(seqScanViolations(rootPlan(SAMPLE_PLAN), (table) => sizes[table] ?? 0)).toEqual([{ table: "StatusChange", tableRows: 1_000_000 }]);
    expect(seqScanViolations(rootPlan(SAMPLE_PLAN), () => 10_000)).toEqual([]);
  });

  it("refuses what is not EXPLAIN JSON", () => {
    expect(() => rootPlan([{ "QUERY PLAN": "Seq Scan" }])).toThrow(/EXPLAIN/);
  });
});

describe("captured statements", () => {
  it("inlines parameters as untyped literals, leaving strings and comments alone", () => {
    expect(inlineParameters(`SELECT '$1', "a$1" FROM t WHERE x = $1 AND y = ANY($2) -- $3\nLIMIT $10`, ["o'k", ["a", 'b"c'], 0, 0, 0, 0, 0, 0, 0, 51])).toBe(
      `SELECT '$1', "a$1" FROM t WHERE x = 'o''k' AND y = ANY('{"a","b\\"c"}') -- $3\nLIMIT '51'`,
    );
    expect(sqlLiteral(null)).toBe("NULL");
    expect(sqlLiteral(true)).toBe("true");
    expect(() => inlineParameters("SELECT $2", [1])).toThrow(/\$2/);
  });

  it("splits a capture file by its markers and tells reads from writes", () => {
    const text = [
      JSON.stringify({ sql: "SELECT 0", values: [] }),
      JSON.stringify({ marker: "begin:history" }),
      JSON.stringify({ sql: "SELECT * FROM a WHERE id = $1", values: ["x"] }),
      JSON.stringify({ sql: "BEGIN", values: [] }),
      JSON.stringify({ marker: "end:history" }),
      JSON.stringify({ sql: "SELECT 2", values: [] }),
    ].join("\n");
    expect(parseCapture(text)).toEqual({ history: [{ sql: "SELECT * FROM a WHERE id = $1", values: ["x"] }, { sql: "BEGIN", values: [] }] });
    expect(isRead({ sql: "\n  WITH x AS (SELECT 1) SELECT * FROM x", values: [] })).toBe(true);
    expect(isRead({ sql: "WITH x AS (INSERT INTO t VALUES (1) RETURNING id) SELECT * FROM x", values: [] })).toBe(false);
    expect(isRead({ sql: "BEGIN", values: [] })).toBe(false);
  });
});

function row(overrides: Partial<TMeasurement>): TMeasurement {
  return { read: "history-api", target: "app", connections: 16, round: 1, requestsPerSecond: 100, p50Ms: 10, p99Ms: 40, cpuMsPerRequest: 9, rssMb: 300, requests: 1000, errors: 0, timeouts: 0, non2xx: 0, ...overrides };
}

describe("the Markdown table", () => {
  it("shows medians with min–max over rounds and the ratios to floor and peer", () => {
    const table = markdownTable([
      row({ round: 1, requestsPerSecond: 90 }),
      row({ round: 2, requestsPerSecond: 100, rssMb: 350 }),
      row({ round: 3, requestsPerSecond: 120, non2xx: 2 }),
      row({ target: "floor", requestsPerSecond: 200, cpuMsPerRequest: 1.3 }),
      row({ target: "peer", requestsPerSecond: 50 }),
      row({ target: "pgbench", requestsPerSecond: 400, cpuMsPerRequest: Number.NaN }),
      row({ target: "rendered", requestsPerSecond: 80, p50Ms: 20, cpuMsPerRequest: 12 }),
      row({ read: "relation-page", connections: 1, requestsPerSecond: 2 }),
    ]);
    const lines = table.split("\n");
    expect(lines[0]).toMatch(/^\| read \| conns \| app req\/s \| floor req\/s \| app ÷ floor \|/);
    expect(lines[2]).toBe("| history-api | 16 | 100 (90.0–120) | 200 | 0.50 | 400 | 50.0 | 2.00 | 80.0 | 0.40 | 20.0 | 12.0 | 10.0 | 40.0 | 9.00 | 1.30 | 350 | 2 |");
    expect(lines[3]).toBe("| relation-page | 1 | 2.00 | — | — | — | — | — | — | — | — | — | 10.0 | 40.0 | 9.00 | — | 300 | 0 |");
    expect(lines).toHaveLength(4);
  });
});
