-- Hand-written (issue 15: the large fill went from 3½ to 33 minutes once knowledge time and the
-- stored corroboration level arrived). A citation statement updated each development twice (its
-- knownAt, then its level), each row's knownAt was computed three times by a per-row function, and
-- the corroboration query was driven from the Source table: inside one long bulk transaction,
-- with statistics still saying the tables were empty, it probed the Citation index with the
-- whole id array once per source (26 s for 20,000 developments). Now every citation-driven
-- refresh starts from the ids it was given, probes Citation by statusChangeId for each, and
-- writes knownAt and the level in one UPDATE. The rules are unchanged; pw_known_at (one row, from
-- a trigger's NEW) and pw_known_at_many are held equal by tests/record-time/known-at-many.

-- Knowledge time of many developments at once: the rule of pw_known_at (migration record_time_axes).
CREATE FUNCTION pw_known_at_many(change_ids uuid[]) RETURNS TABLE (id uuid, known_at timestamptz)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT sc.id, COALESCE(min(known.at) FILTER (WHERE known.at >= sc."occurredAt"),
    CASE WHEN count(known.at) > 0 THEN sc."occurredAt" ELSE GREATEST(sc."occurredAt", sc."publishedAt") END)
  FROM (SELECT DISTINCT unnest(change_ids) AS id) ids
    JOIN "StatusChange" sc ON sc.id = ids.id
    LEFT JOIN LATERAL (SELECT pw_source_known_from(s."publishedAt", s."publishedPrecision") AS at
      FROM "Citation" c JOIN "Source" s ON s.id = c."sourceId" WHERE c."statusChangeId" = ids.id) known ON true
  GROUP BY sc.id, sc."occurredAt", sc."publishedAt"
$$;

-- One citation as a version keeps it; inlined wherever a version's citations are built, so the
-- shape is written once.
CREATE FUNCTION pw_citation_json(c "Citation") RETURNS jsonb LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT jsonb_build_object('id', c.id, 'sourceId', c."sourceId", 'quote', c.quote,
    'quoteOriginal', c."quoteOriginal", 'quoteLanguage', c."quoteLanguage", 'locator', c.locator,
    'credibility', c.credibility, 'position', c.position)
$$;

CREATE OR REPLACE FUNCTION pw_record_citations(change_id uuid) RETURNS jsonb LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT COALESCE(jsonb_agg(pw_citation_json(c) ORDER BY c.position, c.id), '[]'::jsonb)
  FROM "Citation" c WHERE c."statusChangeId" = change_id
$$;

-- The corroboration rule as before (migration corroboration_filter), the cited sources now found
-- from each development's citations rather than from the whole registry.
CREATE OR REPLACE FUNCTION pw_rule_corroboration_levels(change_ids uuid[]) RETURNS TABLE (id uuid, level "CorroborationLevel")
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  WITH RECURSIVE ids AS MATERIALIZED (
    SELECT DISTINCT unnest(change_ids) AS id
  ), cited AS (
    SELECT DISTINCT ids.id AS change_id, s.id, s.reliability, s."syndicatedFromId"
    FROM ids CROSS JOIN LATERAL (SELECT c."sourceId" FROM "Citation" c WHERE c."statusChangeId" = ids.id) c
      JOIN "Source" s ON s.id = c."sourceId"
    WHERE s."retiredAt" IS NULL
  ), chain(change_id, cited_id, reliability, id, next, depth, seen) AS (
    SELECT change_id, id, reliability, id, "syndicatedFromId", 0, ARRAY[id] FROM cited
    UNION ALL
    SELECT c.change_id, c.cited_id, c.reliability, n.id, n."syndicatedFromId", c.depth + 1, c.seen || n.id
    FROM chain c JOIN "Source" n ON n.id = c.next
    WHERE c.depth < 10 AND NOT n.id = ANY(c.seen)
  ), origin AS (
    SELECT DISTINCT ON (change_id, cited_id) change_id, cited_id, reliability, id AS origin_id
    FROM chain ORDER BY change_id, cited_id, depth DESC
  ), grouped AS (
    SELECT o.change_id,
      CASE WHEN regexp_replace(COALESCE(src."publisherGroup", ''), '^\s+|\s+$', '', 'g') <> ''
        THEN 'group:' || pw_corroboration_name(src."publisherGroup") ELSE 'publisher:' || pw_corroboration_name(src.publisher) END AS key,
      min(o.reliability) AS best
    FROM origin o JOIN "Source" src ON src.id = o.origin_id
    GROUP BY 1, 2
  ), counted AS (
    SELECT change_id, count(*) AS independent, count(*) FILTER (WHERE best <= 'B') AS good FROM grouped GROUP BY 1
  )
  SELECT ids.id, (CASE WHEN COALESCE(counted.good, 0) >= 2 THEN 'WELL_CORROBORATED'
      WHEN COALESCE(counted.independent, 0) >= 2 THEN 'CORROBORATED'
      WHEN counted.independent = 1 THEN 'SINGLE_SOURCE' ELSE 'UNCORROBORATED' END)::"CorroborationLevel"
  FROM ids LEFT JOIN counted ON counted.change_id = ids.id
$$;

-- knownAt is the rule's on every write; an UPDATE made by pw_citations_changed has just computed
-- it by that very rule (pw_known_at_many) and says so for its own statement with the transaction-
-- local flag pw.known_at_by_rule, so the row is not computed a second time.
CREATE OR REPLACE FUNCTION pw_status_change_known_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    -- No citation can point at a row not yet inserted.
    NEW."knownAt" := GREATEST(NEW."occurredAt", NEW."publishedAt");
  ELSIF (NEW."occurredAt", NEW."publishedAt") IS DISTINCT FROM (OLD."occurredAt", OLD."publishedAt")
     OR (NEW."knownAt" IS DISTINCT FROM OLD."knownAt" AND current_setting('pw.known_at_by_rule', true) IS DISTINCT FROM 'on') THEN
    NEW."knownAt" := pw_known_at(NEW.id, NEW."occurredAt", NEW."publishedAt");
  END IF;
  RETURN NEW;
END
$$;

-- Citations of these developments moved (or their sources' dates did): knownAt and the shown
-- corroboration level again in one UPDATE; the versions this transaction opened take the
-- citations as they now are; a version opened earlier whose citations differ is followed by a new
-- one; the shown version's knownAt follows.
-- Custom plans for bulk calls (over 100 ids): the array's length is then known to the planner,
-- which otherwise guesses ten ids and may nest a set over all ids inside a loop over all ids. A
-- publish, an edit or a merge of a few citations reuses the cached plans: planning all four
-- statements afresh cost a publish about 0.5 ms while its subject's CurrentStatusPeriod row was
-- locked. The versions' citations are built per version by a correlated subquery (an index probe
-- each), so no plan can join the citation sets quadratically.
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

-- pw_citations_changed now refreshes the level too, so the Citation triggers of the
-- corroboration filter would only do it a second time. Source edits keep their own trigger.
DROP TRIGGER "Citation_corroboration_insert" ON "Citation";
DROP TRIGGER "Citation_corroboration_update" ON "Citation";
DROP TRIGGER "Citation_corroboration_delete" ON "Citation";
DROP FUNCTION pw_citation_corroboration_insert();
DROP FUNCTION pw_citation_corroboration_update();
DROP FUNCTION pw_citation_corroboration_delete();

-- cancelledFrom (migration status_rules) was recomputed, one query a row, on every update of a
-- development, including the knownAt and level updates above. It depends only on the row's id,
-- effectiveAt and subject (and on its cancellers, whose own trigger rewrites it): recompute when
-- those move or when a statement writes the column itself (a value written by anyone else is
-- still replaced by the rule's); otherwise it is still right.
CREATE OR REPLACE FUNCTION pw_status_change_own_cancelled_from() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW."cancelledFrom" := NULL;
  ELSIF (NEW.id, NEW."effectiveAt", NEW."agreementId", NEW."measureId", NEW."cancelledFrom")
      IS DISTINCT FROM (OLD.id, OLD."effectiveAt", OLD."agreementId", OLD."measureId", OLD."cancelledFrom") THEN
    NEW."cancelledFrom" := pw_cancelled_from(NEW.id, NEW."effectiveAt", NEW."agreementId", NEW."measureId");
  END IF;
  RETURN NEW;
END
$$;
