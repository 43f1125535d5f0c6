import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Every $queryRaw result reaches the code through a zod schema of lib/server/rows (parseRows or
// queryRows): no type argument that asserts a row shape nobody checks, no cast of a raw result.
// Checked on the source text, since TypeScript cannot tell a checked row from a cast one.

const ROOT = path.resolve(import.meta.dirname, "..");
const SCANNED = ["app", "components", "lib", "prisma", "scripts"];
// parse-rows.ts is the one place that runs a raw query for a schema; measure-row-parsing.ts
// times the cast the schemas replaced, so it has to cast.
const SKIPPED = new Set(["lib/generated", "prisma/migrations", "lib/server/rows/parse-rows.ts", "scripts/measure-row-parsing.ts"]);

/** The problems of one file's raw queries, each as "line N: what". */
export function rawQueryProblems(source: string): string[] {
  const problems: string[] = [];
  const lines = source.split("\n");
  let usedResults = 0;
  lines.forEach((line, index) => {
    const at = `line ${index + 1}`;
    if (/\$queryRaw(Unsafe)?\s*</.test(line)) problems.push(`${at}: a type argument on $queryRaw asserts a row shape nobody checks; parse with a schema of lib/server/rows`);
    if (/\$queryRawTyped/.test(line)) problems.push(`${at}: $queryRawTyped rows bypass the schemas of lib/server/rows`);
    if (/\bas\s+unknown\s+as\b/.test(line) && /raw/i.test(line)) problems.push(`${at}: a raw result is cast`);
    if (/\b(raw\w*|\$queryRaw(Unsafe)?\([^)]*\))\s+as\s+(?!const\b)/.test(line)) problems.push(`${at}: a raw result is cast`);
    // A raw query whose result is used: awaited into a variable, passed on, or listed in Promise.all.
    for (const _match of line.matchAll(/\$queryRaw(Unsafe)?\b/g)) {
      if (!/^\s*await\s+[\w.()]+\.\$queryRaw/.test(line)) usedResults++;
    }
  });
  const parses = (source.match(/\b(parseRows|queryRows)\(/g) ?? []).length;
  if (usedResults > parses) problems.push(`${usedResults} raw query results are used but only ${parses} go through parseRows/queryRows`);
  return problems;
}

function sourceFiles(directory: string): string[] {
  const relative = path.relative(ROOT, directory);
  if (SKIPPED.has(relative)) return [];
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sourceFiles(full);
    return /\.(ts|tsx|mts|mjs)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) && !SKIPPED.has(path.relative(ROOT, full)) ? [full] : [];
  });
}

describe("raw query results", () => {
  it("are parsed by a schema of lib/server/rows everywhere in the application", () => {
    const files = SCANNED.flatMap((folder) => sourceFiles(path.join(ROOT, folder)));
    const withRawQueries = files.filter((file) => readFileSync(file, "utf8").includes("$queryRaw"));
    // The scan must see the call sites it guards (a wrong root would pass vacuously).
    expect(withRawQueries.length).toBeGreaterThan(15);
    const problems = withRawQueries.flatMap((file) => rawQueryProblems(readFileSync(file, "utf8")).map((problem) => `${path.relative(ROOT, file)} ${problem}`));
    expect(problems).toEqual([]);
  });

  it("are caught when typed, cast or left unparsed", () => {
    expect(rawQueryProblems("const rows = await db.$queryRaw<TRow[]>`SELECT 1`;")).toHaveLength(2);
    expect(rawQueryProblems("const rows = (await db.$queryRaw`SELECT 1`) as TRow[];")).toEqual(["1 raw query results are used but only 0 go through parseRows/queryRows"]);
    expect(rawQueryProblems("const raw = await db.$queryRaw`SELECT 1`;\nconst rows = raw as TRow[];")).toHaveLength(2);
    expect(rawQueryProblems("const [a, b] = await Promise.all([db.$queryRaw`SELECT 1`, db.$queryRaw`SELECT 2`]);\nparseRows(ZA, a);")).toHaveLength(1);
    expect(rawQueryProblems("await tx.$queryRaw`SELECT id FROM \"User\" FOR UPDATE`;")).toEqual([]);
    expect(rawQueryProblems("    await getDatabase().$queryRaw`select 1`;")).toEqual([]);
    expect(rawQueryProblems("const rows = parseRows(ZLockedIdRow, await tx.$queryRaw`SELECT 1`);")).toEqual([]);
  });
});
