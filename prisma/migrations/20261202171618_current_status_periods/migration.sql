-- CreateTable
CREATE TABLE "CurrentStatusPeriod" (
    "subjectId" UUID NOT NULL,
    "period" INTEGER NOT NULL,
    "validFrom" TIMESTAMPTZ NOT NULL,
    "validUntil" TIMESTAMPTZ,
    "currentId" UUID,
    "currentStatus" TEXT,
    "sinceId" UUID,
    "currentSince" TIMESTAMPTZ(3),
    "currentEffectiveAt" TIMESTAMPTZ(3),
    "currentPrecision" TEXT,
    "currentTimeZone" TEXT,

    CONSTRAINT "CurrentStatusPeriod_pkey" PRIMARY KEY ("subjectId","period")
);

-- ---------------------------------------------------------------------------------------------
-- Hand-written below this line (decision 026): the current status of each subject, stored as
-- pw_current_status gives it over consecutive periods from the writing transaction's start on,
-- so a list of hundreds of subjects reads one row each instead of walking every history.
-- Readers call pw_read_current_status, which takes the stored period holding `at` and asks the
-- live rule (pw_current_status) when none does, so what they see is always the rule's answer.
-- tests/reader/current-status-periods.integration.test.ts holds the table to pw_current_status
-- on random histories and after random writes.
-- ---------------------------------------------------------------------------------------------

-- Periods kept after the one holding the write: scheduled changes still ahead are few per subject
-- (206 of a million generated changes); past the last kept period readers use the live rule.
CREATE FUNCTION pw_kept_later_periods() RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT 16 $$;

-- The periods of one subject (an agreement: its id and NULL; a measure: NULL and its id) from
-- `anchor` on. The status is a function of the history and the instant that changes only when a
-- published change takes effect or is cancelled, so the periods are the status at anchor, then at
-- each later such instant, each until the next. cancelledFrom is never after the cancelled
-- change's effectiveTime (pw_cancelled_from), so every later instant is among the changes that
-- take effect after anchor: one index range, not the whole history. Period 0 is always there,
-- with null columns when nothing stands. A single SELECT, inlined like pw_current_status.
CREATE FUNCTION pw_current_status_periods(agreement_id uuid, measure_id uuid, anchor timestamptz)
RETURNS TABLE (period int, "validFrom" timestamptz, "validUntil" timestamptz, "currentId" uuid, "currentStatus" text, "sinceId" uuid,
  "currentSince" timestamptz, "currentEffectiveAt" timestamptz, "currentPrecision" text, "currentTimeZone" text)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT periods.period, periods.at, periods.until, status.*
  FROM (
    SELECT instants.period, instants.at, lead(instants.at) OVER (ORDER BY instants.period) AS until
    FROM (
      SELECT 0 AS period, anchor AS at
      UNION ALL
      SELECT (row_number() OVER (ORDER BY breaks.instant))::int, breaks.instant FROM (
        SELECT DISTINCT later.instant FROM "StatusChange" sc CROSS JOIN LATERAL (VALUES (sc."effectiveTime"), (sc."cancelledFrom")) later(instant)
        WHERE (sc."agreementId" = agreement_id OR sc."measureId" = measure_id) AND sc.state = 'PUBLISHED'
          AND sc."effectiveTime" > anchor AND later.instant > anchor
        -- One instant more than is kept: the last kept period ends there.
        ORDER BY later.instant LIMIT pw_kept_later_periods() + 1
      ) breaks
    ) instants
  ) periods
  LEFT JOIN LATERAL pw_current_status(agreement_id, measure_id, periods.at) status ON true
  WHERE periods.period <= pw_kept_later_periods()
$$;

-- Recomputes the periods of the given subjects from the writing transaction's start. Generic
-- plans: planning the inlined rule took 3 ms a call (custom plans were never given up), running
-- it 0.4 ms; one subject or eight thousand, the plan is the same walk of one index per subject.
CREATE FUNCTION pw_refresh_current_status_periods(agreement_ids uuid[], measure_ids uuid[]) RETURNS void LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan AS $$
DECLARE
  agreements uuid[] := ARRAY(SELECT DISTINCT id FROM unnest(agreement_ids) id WHERE id IS NOT NULL);
  measures uuid[] := ARRAY(SELECT DISTINCT id FROM unnest(measure_ids) id WHERE id IS NOT NULL);
  subjects uuid[] := agreements || measures;
BEGIN
  IF cardinality(subjects) = 0 THEN RETURN; END IF;
  -- Period 0 is the subject's lock: a second writer of the same subject waits here for the first
  -- to commit, and the statements below (each with a fresh snapshot at READ COMMITTED) then see
  -- that writer's changes, so the last to commit stores the periods of the whole history. Taken
  -- in id order, so two writers never deadlock; row locks, so a bulk load holds no lock-table
  -- slot per subject. At REPEATABLE READ the second writer fails to serialise instead.
  INSERT INTO "CurrentStatusPeriod" AS kept ("subjectId", period, "validFrom")
  SELECT id, 0, now() FROM unnest(subjects) id ORDER BY id
  ON CONFLICT ("subjectId", period) DO UPDATE SET "validFrom" = excluded."validFrom";

  DELETE FROM "CurrentStatusPeriod" WHERE "subjectId" = ANY(subjects) AND period > 0;

  -- Agreements and measures apart, so each call has a literal NULL for the other column and
  -- reads one history index.
  INSERT INTO "CurrentStatusPeriod" AS kept ("subjectId", period, "validFrom", "validUntil", "currentId", "currentStatus", "sinceId",
    "currentSince", "currentEffectiveAt", "currentPrecision", "currentTimeZone")
  SELECT subject.id, periods.* FROM unnest(agreements) subject(id) CROSS JOIN LATERAL pw_current_status_periods(subject.id, NULL, now()) periods
  UNION ALL
  SELECT subject.id, periods.* FROM unnest(measures) subject(id) CROSS JOIN LATERAL pw_current_status_periods(NULL, subject.id, now()) periods
  ON CONFLICT ("subjectId", period) DO UPDATE SET "validFrom" = excluded."validFrom", "validUntil" = excluded."validUntil",
    "currentId" = excluded."currentId", "currentStatus" = excluded."currentStatus", "sinceId" = excluded."sinceId",
    "currentSince" = excluded."currentSince", "currentEffectiveAt" = excluded."currentEffectiveAt",
    "currentPrecision" = excluded."currentPrecision", "currentTimeZone" = excluded."currentTimeZone";

  -- A subject whose last change was deleted keeps no row.
  DELETE FROM "CurrentStatusPeriod" kept WHERE kept."subjectId" = ANY(subjects)
    AND NOT EXISTS (SELECT 1 FROM "StatusChange" sc WHERE sc."agreementId" = kept."subjectId")
    AND NOT EXISTS (SELECT 1 FROM "StatusChange" sc WHERE sc."measureId" = kept."subjectId");
END
$$;

-- Statement triggers with transition tables: a bulk insert recomputes each subject it touches
-- once, not once per row. Transition tables exist only for their own event, hence three functions.
CREATE FUNCTION pw_current_status_periods_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pw_refresh_current_status_periods(ARRAY(SELECT DISTINCT "agreementId" FROM changed_new), ARRAY(SELECT DISTINCT "measureId" FROM changed_new));
  RETURN NULL;
END
$$;

CREATE FUNCTION pw_current_status_periods_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pw_refresh_current_status_periods(ARRAY(SELECT DISTINCT "agreementId" FROM changed_old), ARRAY(SELECT DISTINCT "measureId" FROM changed_old));
  RETURN NULL;
END
$$;

-- Only rows whose change moves something pw_current_status reads count: an edited headline, a
-- version bump or a new citation recomputes nothing.
CREATE FUNCTION pw_current_status_periods_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  agreements uuid[];
  measures uuid[];
BEGIN
  SELECT array_agg(DISTINCT side."agreementId") FILTER (WHERE side."agreementId" IS NOT NULL),
    array_agg(DISTINCT side."measureId") FILTER (WHERE side."measureId" IS NOT NULL)
  INTO agreements, measures
  FROM changed_old o FULL JOIN changed_new n ON n.id = o.id
    CROSS JOIN LATERAL (VALUES (o."agreementId", o."measureId"), (n."agreementId", n."measureId")) side("agreementId", "measureId")
  WHERE (o.id, o."agreementId", o."measureId", o.status, o.state, o."effectiveTime", o."effectiveAt", o."occurredAt", o."createdAt",
      o."cancelledFrom", o."occurredPrecision", o."timeZone")
    IS DISTINCT FROM (n.id, n."agreementId", n."measureId", n.status, n.state, n."effectiveTime", n."effectiveAt", n."occurredAt", n."createdAt",
      n."cancelledFrom", n."occurredPrecision", n."timeZone");
  PERFORM pw_refresh_current_status_periods(COALESCE(agreements, '{}'), COALESCE(measures, '{}'));
  RETURN NULL;
END
$$;

CREATE FUNCTION pw_current_status_periods_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "CurrentStatusPeriod";
  RETURN NULL;
END
$$;

CREATE TRIGGER "StatusChange_current_status_insert" AFTER INSERT ON "StatusChange"
  REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION pw_current_status_periods_insert();
CREATE TRIGGER "StatusChange_current_status_update" AFTER UPDATE ON "StatusChange"
  REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION pw_current_status_periods_update();
CREATE TRIGGER "StatusChange_current_status_delete" AFTER DELETE ON "StatusChange"
  REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION pw_current_status_periods_delete();
CREATE TRIGGER "StatusChange_current_status_truncate" AFTER TRUNCATE ON "StatusChange"
  FOR EACH STATEMENT EXECUTE FUNCTION pw_current_status_periods_truncate();

-- What readers call, with the same columns as pw_current_status: the stored period holding `at`
-- when there is one (at most one is: periods follow one another), else the live rule. Where
-- nothing stands a stored period is a row of nulls (the live rule: no row), the same through a
-- LEFT JOIN LATERAL. A single
-- SELECT, STABLE and not STRICT, so it is inlined like pw_current_status; the live branch runs only
-- when the stored one finds nothing (LIMIT 1 stops the Append after its first row).
CREATE FUNCTION pw_read_current_status(agreement_id uuid, measure_id uuid, at timestamptz)
RETURNS TABLE ("currentId" uuid, "currentStatus" text, "sinceId" uuid, "currentSince" timestamptz,
  "currentEffectiveAt" timestamptz, "currentPrecision" text, "currentTimeZone" text)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT * FROM (
    SELECT kept."currentId", kept."currentStatus", kept."sinceId", kept."currentSince", kept."currentEffectiveAt", kept."currentPrecision", kept."currentTimeZone"
    FROM "CurrentStatusPeriod" kept
    WHERE kept."subjectId" = COALESCE(agreement_id, measure_id) AND kept."validFrom" <= at AND (kept."validUntil" > at OR kept."validUntil" IS NULL)
    UNION ALL
    SELECT * FROM pw_current_status(agreement_id, measure_id, at)
  ) either LIMIT 1
$$;

-- What is there already.
SELECT pw_refresh_current_status_periods(
  ARRAY(SELECT DISTINCT "agreementId" FROM "StatusChange" WHERE "agreementId" IS NOT NULL),
  ARRAY(SELECT DISTINCT "measureId" FROM "StatusChange" WHERE "measureId" IS NOT NULL));
-- Its statistics now, so the first plans probe it by key rather than guess its size.
ANALYZE "CurrentStatusPeriod";
