import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Every write goes through runWriteTransaction, which gives the embedded database's wait
// settings (docs/decisions/003); a direct $transaction loses them and fails under a burst.
const ROOT = path.resolve(import.meta.dirname, "..");
const ALLOWED = "lib/server/write-transaction.ts";
const SKIPPED = new Set(["node_modules", ".next", ".data", "generated", "test-results", "playwright-report", ".git"]);
const CALL = /\$transaction\s*\(/;

function sourceFiles(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    if (SKIPPED.has(entry.name)) return [];
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|mts|mjs|js)$/.test(entry.name) ? [full] : [];
  });
}

describe("write transactions", () => {
  it("are opened only by runWriteTransaction", () => {
    const files = ["app", "lib", "prisma", "scripts", "tests", "components", "bench"].flatMap((top) =>
      fs.existsSync(path.join(ROOT, top)) ? sourceFiles(path.join(ROOT, top)) : [],
    );
    expect(files.length).toBeGreaterThan(100);
    const offenders = files
      .map((file) => path.relative(ROOT, file))
      .filter((file) => file !== ALLOWED && file !== path.relative(ROOT, import.meta.filename))
      .filter((file) => CALL.test(fs.readFileSync(path.join(ROOT, file), "utf8")));
    expect(offenders, "call runWriteTransaction (lib/server/write-transaction.ts) instead of $transaction").toEqual([]);
    expect(CALL.test(fs.readFileSync(path.join(ROOT, ALLOWED), "utf8")), "the guard would pass vacuously").toBe(true);
  });
});
