-- CreateTable
CREATE TABLE "DevelopmentYearCount" (
    "subjectId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "escalations" INTEGER NOT NULL DEFAULT 0,
    "deEscalations" INTEGER NOT NULL DEFAULT 0,
    "neutral" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DevelopmentYearCount_pkey" PRIMARY KEY ("subjectId","year")
);

-- ---------------------------------------------------------------------------------------------
-- Hand-written below this line (decision 023): statement triggers keep "DevelopmentYearCount"
-- in the same statement as every write to "StatusChange", whichever code path writes (the app,
-- the generator, an import). A statement adds what its new published rows count and takes away
-- what its old ones counted, grouped, so a bulk insert is one upsert per (subject, year), and an
-- update that moves nothing counted (a version bump, cancelledFrom) writes and locks nothing.
-- Rows are upserted in key order, so two statements never wait for each other's rows crosswise.
-- tests/reader/development-year-counts.integration.test.ts holds the table to a count of the
-- changes after random writes.
-- ---------------------------------------------------------------------------------------------

-- The year a development counts in: of when it occurred, in its own time zone.
CREATE FUNCTION pw_year_of(occurred_at timestamptz, time_zone text) RETURNS int
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT extract(year FROM occurred_at AT TIME ZONE time_zone)::int $$;

-- Transition tables exist only for their own event, so each event has its function.
CREATE FUNCTION pw_development_year_counts_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "DevelopmentYearCount" AS counted ("subjectId", year, escalations, "deEscalations", neutral)
  SELECT subject, year, COALESCE(sum(sign) FILTER (WHERE direction = 'ESCALATION'), 0), COALESCE(sum(sign) FILTER (WHERE direction = 'DE_ESCALATION'), 0),
    COALESCE(sum(sign) FILTER (WHERE direction = 'NEUTRAL'), 0)
  FROM (SELECT COALESCE("agreementId", "measureId") AS subject, pw_year_of("occurredAt", "timeZone") AS year, direction, 1 AS sign FROM changed_new WHERE state = 'PUBLISHED') delta
  GROUP BY subject, year
  HAVING COALESCE(sum(sign) FILTER (WHERE direction = 'ESCALATION'), 0) <> 0 OR COALESCE(sum(sign) FILTER (WHERE direction = 'DE_ESCALATION'), 0) <> 0
    OR COALESCE(sum(sign) FILTER (WHERE direction = 'NEUTRAL'), 0) <> 0
  ORDER BY subject, year
  ON CONFLICT ("subjectId", year) DO UPDATE SET escalations = counted.escalations + excluded.escalations,
    "deEscalations" = counted."deEscalations" + excluded."deEscalations", neutral = counted.neutral + excluded.neutral;
  RETURN NULL;
END
$$;

CREATE FUNCTION pw_development_year_counts_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "DevelopmentYearCount" AS counted ("subjectId", year, escalations, "deEscalations", neutral)
  SELECT subject, year, COALESCE(sum(sign) FILTER (WHERE direction = 'ESCALATION'), 0), COALESCE(sum(sign) FILTER (WHERE direction = 'DE_ESCALATION'), 0),
    COALESCE(sum(sign) FILTER (WHERE direction = 'NEUTRAL'), 0)
  FROM (SELECT COALESCE("agreementId", "measureId") AS subject, pw_year_of("occurredAt", "timeZone") AS year, direction, 1 AS sign FROM changed_new WHERE state = 'PUBLISHED'
    UNION ALL SELECT COALESCE("agreementId", "measureId") AS subject, pw_year_of("occurredAt", "timeZone") AS year, direction, -1 AS sign FROM changed_old WHERE state = 'PUBLISHED') delta
  GROUP BY subject, year
  HAVING COALESCE(sum(sign) FILTER (WHERE direction = 'ESCALATION'), 0) <> 0 OR COALESCE(sum(sign) FILTER (WHERE direction = 'DE_ESCALATION'), 0) <> 0
    OR COALESCE(sum(sign) FILTER (WHERE direction = 'NEUTRAL'), 0) <> 0
  ORDER BY subject, year
  ON CONFLICT ("subjectId", year) DO UPDATE SET escalations = counted.escalations + excluded.escalations,
    "deEscalations" = counted."deEscalations" + excluded."deEscalations", neutral = counted.neutral + excluded.neutral;
  RETURN NULL;
END
$$;

CREATE FUNCTION pw_development_year_counts_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "DevelopmentYearCount" AS counted ("subjectId", year, escalations, "deEscalations", neutral)
  SELECT subject, year, COALESCE(sum(sign) FILTER (WHERE direction = 'ESCALATION'), 0), COALESCE(sum(sign) FILTER (WHERE direction = 'DE_ESCALATION'), 0),
    COALESCE(sum(sign) FILTER (WHERE direction = 'NEUTRAL'), 0)
  FROM (SELECT COALESCE("agreementId", "measureId") AS subject, pw_year_of("occurredAt", "timeZone") AS year, direction, -1 AS sign FROM changed_old WHERE state = 'PUBLISHED') delta
  GROUP BY subject, year
  HAVING COALESCE(sum(sign) FILTER (WHERE direction = 'ESCALATION'), 0) <> 0 OR COALESCE(sum(sign) FILTER (WHERE direction = 'DE_ESCALATION'), 0) <> 0
    OR COALESCE(sum(sign) FILTER (WHERE direction = 'NEUTRAL'), 0) <> 0
  ORDER BY subject, year
  ON CONFLICT ("subjectId", year) DO UPDATE SET escalations = counted.escalations + excluded.escalations,
    "deEscalations" = counted."deEscalations" + excluded."deEscalations", neutral = counted.neutral + excluded.neutral;
  RETURN NULL;
END
$$;

CREATE TRIGGER "StatusChange_year_counts_insert" AFTER INSERT ON "StatusChange"
  REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION pw_development_year_counts_insert();
CREATE TRIGGER "StatusChange_year_counts_update" AFTER UPDATE ON "StatusChange"
  REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION pw_development_year_counts_update();
CREATE TRIGGER "StatusChange_year_counts_delete" AFTER DELETE ON "StatusChange"
  REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION pw_development_year_counts_delete();

-- What is there already.
INSERT INTO "DevelopmentYearCount" ("subjectId", year, escalations, "deEscalations", neutral)
SELECT COALESCE("agreementId", "measureId"), pw_year_of("occurredAt", "timeZone"), count(*) FILTER (WHERE direction = 'ESCALATION'),
  count(*) FILTER (WHERE direction = 'DE_ESCALATION'), count(*) FILTER (WHERE direction = 'NEUTRAL')
FROM "StatusChange" WHERE state = 'PUBLISHED' GROUP BY 1, 2;
