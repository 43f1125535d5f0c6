// EXPLAIN (ANALYZE, BUFFERS) of every captured statement, saved beside the results, and the check
// that no hot statement reads a large table by sequential scan.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { isRead, type TCaptured } from "./capture";
import { rootPlan, seqScanViolations, type TPlanNode } from "./plan-check";
import { inlineParameters } from "./sql-literal";

export type TPlanReport = { read: string; index: number; file: string; executionMs: number; violations: { table: string; tableRows: number }[]; sql: string };

export async function explainAll(url: string, captured: TCaptured, directory: string, threshold: number): Promise<TPlanReport[]> {
  fs.mkdirSync(directory, { recursive: true });
  const client = new pg.Client({ connectionString: url, application_name: "pactwatch-bench-explain", options: "-c jit=off" });
  await client.connect();
  const reports: TPlanReport[] = [];
  try {
    const sizes = await client.query<{ relname: string; rows: number }>(
      `SELECT c.relname, greatest(c.reltuples, 0)::float8 AS rows FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE c.relkind IN ('r', 'm') AND n.nspname = 'public'`,
    );
    const tableRows = new Map(sizes.rows.map((row) => [row.relname, Number(row.rows)]));
    for (const [read, statements] of Object.entries(captured)) {
      let index = 0;
      for (const statement of statements.filter(isRead)) {
        index += 1;
        const sql = inlineParameters(statement.sql, statement.values);
        const planJson = await client.query(`EXPLAIN (FORMAT JSON) ${sql}`);
        const plan: TPlanNode = rootPlan(planJson.rows[0]?.["QUERY PLAN"]);
        const analysed = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`);
        const text = analysed.rows.map((row: Record<string, string>) => row["QUERY PLAN"]).join("\n");
        const executionMs = Number(/Execution Time: ([\d.]+) ms/.exec(text)?.[1] ?? Number.NaN);
        const file = path.join(directory, `${read}-${index}.txt`);
        fs.writeFileSync(file, `-- read: ${read}, statement ${index}\n${sql}\n\n${text}\n`);
        const violations = seqScanViolations(plan, (table) => tableRows.get(table) ?? 0, threshold);
        reports.push({ read, index, file, executionMs, violations, sql: statement.sql });
      }
    }
  } finally {
    await client.end();
  }
  return reports;
}
