-- Hand-written (issue 15's write path). pw_citations_changed runs once per publish, and its
-- UPDATE inlines pw_known_at_many and pw_rule_corroboration_levels (a recursive CTE): planning it
-- is most of the function's cost. Under plan_cache_mode=auto the cached plan never became
-- generic: the generic plan guesses ten ids against the custom plan's one or two, costs more, and
-- loses the comparison every time, so each publish planned all four statements again. A CPU
-- profile of PostgreSQL under 8 writers put 37% of its time in the planner; with this, 20%
-- (BENCHMARKS.md, 5 December). Bulk calls (over 100 ids) still force custom plans inside the
-- function, where the array's length matters; the SET clause restores the caller's mode on exit.
ALTER FUNCTION pw_citations_changed(uuid[]) SET plan_cache_mode = force_generic_plan;
