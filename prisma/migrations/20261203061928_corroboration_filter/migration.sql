-- AlterTable
ALTER TABLE "StatusChange" ADD COLUMN     "shownCorroborationLevel" "CorroborationLevel" NOT NULL DEFAULT 'UNCORROBORATED';

-- CreateIndex
CREATE INDEX "StatusChange_corroboration_history_idx" ON "StatusChange"("shownCorroborationLevel", "effectiveTime" DESC, "occurredAt" DESC, "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "StatusChange_corroboration_occurred_idx" ON "StatusChange"("shownCorroborationLevel", "occurredAt" DESC, "createdAt" DESC, "id" DESC);

-- ---------------------------------------------------------------------------------------------
-- Hand-written below this line (issue 13, corroboration filter; decision 033): the rule of
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
-- Most sources carry none, and answer without the recursive walk.
CREATE FUNCTION pw_source_origin(source_id uuid) RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN s."syndicatedFromId" IS NULL THEN s.id ELSE (
    WITH RECURSIVE chain(id, next, depth, seen) AS (
      SELECT s.id, s."syndicatedFromId", 0, ARRAY[s.id]
      UNION ALL
      SELECT n.id, n."syndicatedFromId", c.depth + 1, c.seen || n.id
      FROM chain c JOIN "Source" n ON n.id = c.next
      WHERE c.depth < 10 AND NOT n.id = ANY(c.seen)
    )
    SELECT id FROM chain ORDER BY depth DESC LIMIT 1) END
  FROM "Source" s WHERE s.id = source_id
$$;

-- The independence key (independenceKey): the origin's publisher group, else its publisher.
CREATE FUNCTION pw_independence_key(source_id uuid) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN regexp_replace(COALESCE(o."publisherGroup", ''), '^\s+|\s+$', '', 'g') <> ''
    THEN 'group:' || pw_corroboration_name(o."publisherGroup") ELSE 'publisher:' || pw_corroboration_name(o.publisher) END
  FROM "Source" o WHERE o.id = pw_source_origin(source_id)
$$;

-- The rule's level of one development (corroborate): its cited sources still trusted, grouped by
-- independence key, each group as reliable as its best member (Reliability sorts A first).
CREATE FUNCTION pw_rule_corroboration(change_id uuid) RETURNS "CorroborationLevel" LANGUAGE sql STABLE PARALLEL SAFE AS $$
  WITH cited AS (
    SELECT DISTINCT s.id, s.reliability FROM "Citation" c JOIN "Source" s ON s.id = c."sourceId"
    WHERE c."statusChangeId" = change_id AND s."retiredAt" IS NULL
  ), groups AS (
    SELECT pw_independence_key(id) AS key, min(reliability) AS best FROM cited GROUP BY 1
  )
  SELECT (CASE WHEN count(*) FILTER (WHERE best <= 'B') >= 2 THEN 'WELL_CORROBORATED'
    WHEN count(*) >= 2 THEN 'CORROBORATED' WHEN count(*) = 1 THEN 'SINGLE_SOURCE' ELSE 'UNCORROBORATED' END)::"CorroborationLevel"
  FROM groups
$$;

-- The shown level of these developments again: the analyst's judgment, else the rule's.
CREATE FUNCTION pw_refresh_corroboration(change_ids uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE "StatusChange" sc SET "shownCorroborationLevel" = v.level
  FROM (SELECT x.id, COALESCE(x."corroborationLevel", pw_rule_corroboration(x.id)) AS level FROM "StatusChange" x WHERE x.id = ANY(change_ids)) v
  WHERE sc.id = v.id AND sc."shownCorroborationLevel" IS DISTINCT FROM v.level
$$;

-- A new entry or a judgment set or cleared.
CREATE FUNCTION pw_status_change_corroboration() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."shownCorroborationLevel" := COALESCE(NEW."corroborationLevel", pw_rule_corroboration(NEW.id));
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
UPDATE "StatusChange" SET "shownCorroborationLevel" = COALESCE("corroborationLevel", pw_rule_corroboration(id))
WHERE "shownCorroborationLevel" IS DISTINCT FROM COALESCE("corroborationLevel", pw_rule_corroboration(id));
