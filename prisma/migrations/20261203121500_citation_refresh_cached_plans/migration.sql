-- Hand-written (issue 15, decision 042): pw_citations_changed planned its four statements afresh on
-- every call (plan_cache_mode = force_custom_plan on the function), about 4 ms of planning inside
-- each publish, while the subject's CurrentStatusPeriod row is locked and the other writers of
-- that subject wait (measured on the write path at a million changes: 7.2 ms a publish, 2.9 of
-- it executing). Custom plans matter only for bulk writes, where the planner must know how many
-- ids it is given; a publish, an edit or a merge of a few citations now reuses the cached plans.

CREATE OR REPLACE FUNCTION pw_citations_changed(change_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  tx bigint := txid_current();
  planning text := current_setting('plan_cache_mode');
  is_bulk boolean := cardinality(change_ids) > 100;
BEGIN
  -- choose_custom_plan reads the setting at each execution, so it applies to the statements below.
  IF is_bulk THEN PERFORM set_config('plan_cache_mode', 'force_custom_plan', true); END IF;
  PERFORM set_config('pw.known_at_by_rule', 'on', true);
  UPDATE "StatusChange" sc SET "knownAt" = fact.known_at, "shownCorroborationLevel" = COALESCE(sc."corroborationLevel", fact.level)
  FROM (SELECT known.id, known.known_at, rule.level
        FROM pw_known_at_many(change_ids) known JOIN pw_rule_corroboration_levels(change_ids) rule ON rule.id = known.id) fact
  WHERE sc.id = fact.id
    AND (sc."knownAt", sc."shownCorroborationLevel") IS DISTINCT FROM (fact.known_at, COALESCE(sc."corroborationLevel", fact.level));
  PERFORM set_config('pw.known_at_by_rule', 'off', true);

  UPDATE "StatusChangeRecord" r SET "knownAt" = sc."knownAt",
    citations = (SELECT COALESCE(jsonb_agg(pw_citation_json(c) ORDER BY c.position, c.id), '[]'::jsonb)
                 FROM "Citation" c WHERE c."statusChangeId" = r."statusChangeId")
  FROM "StatusChange" sc
  WHERE sc.id = r."statusChangeId" AND r."statusChangeId" = ANY(change_ids) AND r."recordedUntil" IS NULL AND r."recordedTx" = tx;
  PERFORM pw_record_version(r."statusChangeId") FROM "StatusChangeRecord" r
  WHERE r."statusChangeId" = ANY(change_ids) AND r."recordedUntil" IS NULL AND r."recordedTx" <> tx
    AND r.citations IS DISTINCT FROM (SELECT COALESCE(jsonb_agg(pw_citation_json(c) ORDER BY c.position, c.id), '[]'::jsonb)
                                      FROM "Citation" c WHERE c."statusChangeId" = r."statusChangeId");
  UPDATE "StatusChangeRecord" r SET "knownAt" = sc."knownAt"
  FROM "StatusChange" sc WHERE sc.id = r."statusChangeId" AND r."statusChangeId" = ANY(change_ids) AND r."recordedUntil" IS NULL
    AND r."knownAt" IS DISTINCT FROM sc."knownAt";
  IF is_bulk THEN PERFORM set_config('plan_cache_mode', planning, true); END IF;
END
$$;
