import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/test-database";

// The trigger functions every publish runs keep a generic plan (migrations current_status_periods
// and generic_citation_refresh_plans): under plan_cache_mode=auto their array-parameter statements
// were planned afresh on every call, the largest part of PostgreSQL's CPU on the write path
// (BENCHMARKS.md). A CREATE OR REPLACE that drops the SET clause would bring that back silently.

const database = useTestDatabase();

describe("the write path's plans", () => {
  it.each(["pw_citations_changed", "pw_refresh_current_status_periods"])("%s runs with plan_cache_mode=force_generic_plan", async (name) => {
    const rows = await database.db.$queryRawUnsafe<{ proconfig: string[] | null }[]>(
      `SELECT proconfig FROM pg_proc WHERE proname = $1 AND pronamespace = 'public'::regnamespace`,
      name,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.proconfig).toContain("plan_cache_mode=force_generic_plan");
  });
});
