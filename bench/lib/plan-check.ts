// Pure reading of EXPLAIN (FORMAT JSON) output: which tables a plan reads by sequential scan.

export type TPlanNode = {
  "Node Type"?: string;
  "Relation Name"?: string;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  "Rows Removed by Filter"?: number;
  Plans?: TPlanNode[];
  [key: string]: unknown;
};

export type TSeqScan = { table: string; rowsRead: number };

/** Every sequential scan in a plan tree, with the rows it read (returned plus removed, over all loops). */
export function findSeqScans(plan: TPlanNode): TSeqScan[] {
  const found: TSeqScan[] = [];
  const visit = (node: TPlanNode) => {
    if (node["Node Type"] === "Seq Scan" && node["Relation Name"]) {
      const loops = node["Actual Loops"] ?? 1;
      found.push({ table: node["Relation Name"], rowsRead: ((node["Actual Rows"] ?? 0) + (node["Rows Removed by Filter"] ?? 0)) * loops });
    }
    for (const child of node.Plans ?? []) visit(child);
  };
  visit(plan);
  return found;
}

/** The root plan node of `EXPLAIN (FORMAT JSON)` output as node-postgres returns it (one row, column "QUERY PLAN"). */
export function rootPlan(explainOutput: unknown): TPlanNode {
  const document = typeof explainOutput === "string" ? (JSON.parse(explainOutput) as unknown) : explainOutput;
  const first = Array.isArray(document) ? (document[0] as { Plan?: TPlanNode } | undefined) : undefined;
  if (!first?.Plan) throw new Error("not the output of EXPLAIN (FORMAT JSON)");
  return first.Plan;
}

export type TSeqScanViolation = { table: string; tableRows: number };

/**
 * The sequential scans that count as a fault: of a table holding more than `threshold` rows
 * (its size comes from `tableRows`, e.g. pg_class.reltuples). Small tables are scanned on purpose.
 */
export function seqScanViolations(plan: TPlanNode, tableRows: (table: string) => number, threshold = 10_000): TSeqScanViolation[] {
  const seen = new Set<string>();
  const violations: TSeqScanViolation[] = [];
  for (const scan of findSeqScans(plan)) {
    const rows = tableRows(scan.table);
    if (rows > threshold && !seen.has(scan.table)) {
      seen.add(scan.table);
      violations.push({ table: scan.table, tableRows: rows });
    }
  }
  return violations;
}
