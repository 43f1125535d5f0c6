-- AlterTable
ALTER TABLE "StatusChange" ADD COLUMN     "shownCorroborationLevel" "CorroborationLevel" NOT NULL DEFAULT 'UNCORROBORATED';

-- CreateIndex
CREATE INDEX "StatusChange_corroboration_history_idx" ON "StatusChange"("shownCorroborationLevel", "effectiveTime" DESC, "occurredAt" DESC, "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "StatusChange_corroboration_occurred_idx" ON "StatusChange"("shownCorroborationLevel", "occurredAt" DESC, "createdAt" DESC, "id" DESC);

-- ---------------------------------------------------------------------------------------------
-- Hand-written below this line (issue 13, corroboration filter; decision 038): the rule of
-- lib/domain/corroboration.ts in SQL, so the level readers filter by is a stored column kept in
-- the same statement as every write that moves it, like knownAt (decision 029).
-- tests/corroboration/rule-in-sql.integration.test.ts checks the two agree on random registries.
-- ---------------------------------------------------------------------------------------------

-- A publisher or group name as the rule compares it: NFKC, trimmed, inner spacing collapsed, lower case.
CREATE FUNCTION pw_corroboration_name(name text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT lower(regexp_replace(regexp_replace(normalize(name, NFKC), '^\s+|\s+$', '', 'g'), '\s+', ' ', 'g'))
$$;

-- Where a source's report comes from: the end of its syndicatedFrom chain, ten steps at most,
-- stopping before a source already passed (originOf).
-- The rule's level of these developments (corroborate), set-based so a bulk write (seed,
-- generator, import) is planned once with joins rather than once per row on stale statistics:
-- each cited source still trusted, followed to the end of its syndicatedFrom chain (ten steps at
-- most, stopping before a source already passed: originOf); origins grouped by publisher group,
-- else publisher (independenceKey); each group as reliable as its best member (A sorts first).
CREATE FUNCTION pw_rule_corroboration_levels(change_ids uuid[]) RETURNS TABLE (id uuid, level "CorroborationLevel")
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  WITH RECURSIVE cited AS (
    SELECT DISTINCT c."statusChangeId" AS change_id, s.id, s.reliability, s."syndicatedFromId"
    FROM "Citation" c JOIN "Source" s ON s.id = c."sourceId"
    WHERE c."statusChangeId" = ANY(change_ids) AND s."retiredAt" IS NULL
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
  FROM (SELECT DISTINCT unnest(change_ids) AS id) ids LEFT JOIN counted ON counted.change_id = ids.id
$$;

-- The shown level of these developments again: the analyst's judgment, else the rule's.
CREATE FUNCTION pw_refresh_corroboration(change_ids uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE "StatusChange" sc SET "shownCorroborationLevel" = COALESCE(sc."corroborationLevel", rule.level)
  FROM pw_rule_corroboration_levels(change_ids) rule
  WHERE sc.id = rule.id AND sc."shownCorroborationLevel" IS DISTINCT FROM COALESCE(sc."corroborationLevel", rule.level)
$$;

-- A new entry or a judgment set or cleared.
-- A new row has no citations yet (they reference it), so the rule says UNCORROBORATED until the
-- Citation trigger below runs.
CREATE FUNCTION pw_status_change_corroboration() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."shownCorroborationLevel" := COALESCE(NEW."corroborationLevel",
    CASE WHEN TG_OP = 'INSERT' THEN 'UNCORROBORATED'::"CorroborationLevel" ELSE (SELECT level FROM pw_rule_corroboration_levels(ARRAY[NEW.id])) END);
  RETURN NEW;
END
$$;
CREATE TRIGGER "StatusChange_corroboration" BEFORE INSERT OR UPDATE OF "corroborationLevel" ON "StatusChange"
  FOR EACH ROW EXECUTE FUNCTION pw_status_change_corroboration();

-- Citations added, moved (a source merge) or removed.
CREATE FUNCTION pw_citation_corroboration_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pw_refresh_corroboration(ARRAY(SELECT DISTINCT "statusChangeId" FROM changed_new));
  RETURN NULL;
END
$$;
CREATE FUNCTION pw_citation_corroboration_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pw_refresh_corroboration(ARRAY(
    SELECT n."statusChangeId" FROM changed_new n JOIN changed_old o ON o.id = n.id
    WHERE (n."sourceId", n."statusChangeId") IS DISTINCT FROM (o."sourceId", o."statusChangeId")
    UNION SELECT o."statusChangeId" FROM changed_new n JOIN changed_old o ON o.id = n.id
    WHERE (n."sourceId", n."statusChangeId") IS DISTINCT FROM (o."sourceId", o."statusChangeId")));
  RETURN NULL;
END
$$;
CREATE FUNCTION pw_citation_corroboration_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pw_refresh_corroboration(ARRAY(SELECT DISTINCT "statusChangeId" FROM changed_old));
  RETURN NULL;
END
$$;
CREATE TRIGGER "Citation_corroboration_insert" AFTER INSERT ON "Citation"
  REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION pw_citation_corroboration_insert();
CREATE TRIGGER "Citation_corroboration_update" AFTER UPDATE ON "Citation"
  REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION pw_citation_corroboration_update();
CREATE TRIGGER "Citation_corroboration_delete" AFTER DELETE ON "Citation"
  REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION pw_citation_corroboration_delete();

-- A source regraded, regrouped, renamed, retired or restored, or carried from another: every
-- development citing it or a source whose chain passes through it (ten steps back at most).
CREATE FUNCTION pw_source_corroboration_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pw_refresh_corroboration(ARRAY(
    WITH RECURSIVE moved AS (
      SELECT n.id FROM changed_new n JOIN changed_old o ON o.id = n.id
      WHERE (n.publisher, n."publisherGroup", n.reliability, n."retiredAt", n."syndicatedFromId")
        IS DISTINCT FROM (o.publisher, o."publisherGroup", o.reliability, o."retiredAt", o."syndicatedFromId")
    ), carriers(id, depth) AS (
      SELECT id, 0 FROM moved
      UNION
      SELECT s.id, c.depth + 1 FROM carriers c JOIN "Source" s ON s."syndicatedFromId" = c.id WHERE c.depth < 10
    )
    SELECT DISTINCT ci."statusChangeId" FROM carriers JOIN "Citation" ci ON ci."sourceId" = carriers.id));
  RETURN NULL;
END
$$;
CREATE TRIGGER "Source_corroboration_update" AFTER UPDATE ON "Source"
  REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION pw_source_corroboration_update();

-- Entries written before this migration.
SELECT pw_refresh_corroboration(ARRAY(SELECT id FROM "StatusChange"));
