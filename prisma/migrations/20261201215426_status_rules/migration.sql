-- AlterTable
ALTER TABLE "StatusChange" ADD COLUMN     "cancelledFrom" TIMESTAMPTZ(3);

-- ---------------------------------------------------------------------------------------------
-- Hand-written below this line: the status rules of lib/domain/status-derivation.ts, stated once
-- for SQL (decision 008) and called through lib/server/status-sql.ts. tests/reader/status-sql.integration.test.ts holds them to the domain on
-- random histories; change both together.
-- ---------------------------------------------------------------------------------------------

-- The cancellation rule: a change with effectiveAt is cancelled by a published change of the same
-- subject that names it in cancelsId (never itself) and takes effect no later than it was due,
-- from the instant that change has happened (occurred or taken effect, whichever is first).
-- NULL: not cancelled (no effectiveAt, or no such change).
CREATE FUNCTION pw_cancelled_from(target_id uuid, target_effective_at timestamptz, agreement_id uuid, measure_id uuid)
RETURNS timestamptz LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT min(LEAST(canceller."occurredAt", canceller."effectiveTime"))
  FROM "StatusChange" canceller
  WHERE canceller."cancelsId" = target_id AND canceller.id <> target_id AND canceller.state = 'PUBLISHED'
    AND canceller."agreementId" IS NOT DISTINCT FROM agreement_id
    AND canceller."measureId" IS NOT DISTINCT FROM measure_id
    AND canceller."effectiveTime" <= target_effective_at
$$;

-- "Is this change cancelled, as known at `at`?" on the stored instant. A single expression, so
-- the planner inlines it into every query that calls it.
CREATE FUNCTION pw_is_cancelled(cancelled_from timestamptz, at timestamptz)
RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT cancelled_from IS NOT NULL AND cancelled_from <= at
$$;

UPDATE "StatusChange" target
SET "cancelledFrom" = pw_cancelled_from(target.id, target."effectiveAt", target."agreementId", target."measureId")
WHERE target."effectiveAt" IS NOT NULL AND target.id IN (SELECT "cancelsId" FROM "StatusChange" WHERE "cancelsId" IS NOT NULL);

-- Every write keeps "cancelledFrom" in the same statement, whichever code path writes: the row
-- itself on insert and update (its effectiveAt or subject may have moved; a value written by
-- anyone else is replaced) ...
CREATE FUNCTION pw_status_change_own_cancelled_from() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."cancelledFrom" := CASE WHEN TG_OP = 'INSERT' THEN NULL
    ELSE pw_cancelled_from(NEW.id, NEW."effectiveAt", NEW."agreementId", NEW."measureId") END;
  RETURN NEW;
END
$$;

CREATE TRIGGER "StatusChange_own_cancelled_from" BEFORE INSERT OR UPDATE ON "StatusChange"
  FOR EACH ROW EXECUTE FUNCTION pw_status_change_own_cancelled_from();

-- ... and the changes it cancels, or cancelled before, when a canceller is written, published,
-- retracted, edited (dates, subject, target) or deleted. Only rows whose value moves are updated,
-- so an unchanged schedule is neither rewritten nor locked.
CREATE FUNCTION pw_status_change_targets_cancelled_from() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "StatusChange" target
  SET "cancelledFrom" = pw_cancelled_from(target.id, target."effectiveAt", target."agreementId", target."measureId")
  WHERE target.id IN (CASE WHEN TG_OP <> 'INSERT' THEN OLD."cancelsId" END, CASE WHEN TG_OP <> 'DELETE' THEN NEW."cancelsId" END)
    AND target."cancelledFrom" IS DISTINCT FROM pw_cancelled_from(target.id, target."effectiveAt", target."agreementId", target."measureId");
  RETURN NULL;
END
$$;

CREATE TRIGGER "StatusChange_targets_cancelled_from_insert" AFTER INSERT ON "StatusChange"
  FOR EACH ROW WHEN (NEW."cancelsId" IS NOT NULL) EXECUTE FUNCTION pw_status_change_targets_cancelled_from();
CREATE TRIGGER "StatusChange_targets_cancelled_from_update" AFTER UPDATE ON "StatusChange"
  FOR EACH ROW WHEN ((OLD."cancelsId" IS NOT NULL OR NEW."cancelsId" IS NOT NULL)
    AND (OLD."cancelsId", OLD.state, OLD."occurredAt", OLD."effectiveTime", OLD."agreementId", OLD."measureId")
      IS DISTINCT FROM (NEW."cancelsId", NEW.state, NEW."occurredAt", NEW."effectiveTime", NEW."agreementId", NEW."measureId"))
  EXECUTE FUNCTION pw_status_change_targets_cancelled_from();
CREATE TRIGGER "StatusChange_targets_cancelled_from_delete" AFTER DELETE ON "StatusChange"
  FOR EACH ROW WHEN (OLD."cancelsId" IS NOT NULL) EXECUTE FUNCTION pw_status_change_targets_cancelled_from();

-- Whether a change stands at `at`: published, in effect by then, not cancelled as known then.
-- Single expressions both, inlined by the planner, so the history indexes still see the columns.
CREATE FUNCTION pw_stands(state "EntryState", effective_time timestamptz, cancelled_from timestamptz, at timestamptz)
RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT state = 'PUBLISHED' AND effective_time <= at AND NOT pw_is_cancelled(cancelled_from, at)
$$;

-- The change that sets the current status of an agreement (pass its id and NULL) or a measure
-- (NULL and its id) at `at`: the last standing change in history order, with its sort key. No row
-- when nothing stands. A single SELECT, STABLE and not STRICT, so the planner inlines it; with
-- one id NULL the other branch of the OR folds away and it is one ordered probe (LIMIT 1) of
-- StatusChange_agreement_history_idx or StatusChange_measure_history_idx.
CREATE FUNCTION pw_current_change(agreement_id uuid, measure_id uuid, at timestamptz)
RETURNS TABLE (id uuid, status "Status", "effectiveTime" timestamptz, "occurredAt" timestamptz, "createdAt" timestamptz)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT sc.id, sc.status, sc."effectiveTime", sc."occurredAt", sc."createdAt" FROM "StatusChange" sc
  WHERE (sc."agreementId" = agreement_id OR sc."measureId" = measure_id) AND pw_stands(sc.state, sc."effectiveTime", sc."cancelledFrom", at)
  ORDER BY sc."effectiveTime" DESC, sc."occurredAt" DESC, sc."createdAt" DESC, sc.id DESC LIMIT 1
$$;

-- The current status with the start of its uninterrupted run ("sinceId", "currentSince" and, to
-- show it, that change's effectiveAt, precision and time zone). The run ends at the latest earlier
-- instant at which a change of another status was in effect (the last change at an instant in
-- history order is the one in effect there; earlier ones at that instant were overtaken); it
-- starts at the next instant, with the change in effect there. Inlined like pw_current_change:
-- each step is an ordered probe of the history index (DISTINCT ON streams the instants).
CREATE FUNCTION pw_current_status(agreement_id uuid, measure_id uuid, at timestamptz)
RETURNS TABLE ("currentId" uuid, "currentStatus" text, "sinceId" uuid, "currentSince" timestamptz,
  "currentEffectiveAt" timestamptz, "currentPrecision" text, "currentTimeZone" text)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT cur.id, cur.status::text, start.id, start."effectiveTime", start."effectiveAt", start."occurredPrecision"::text, start."timeZone"
  FROM pw_current_change(agreement_id, measure_id, at) cur
  LEFT JOIN LATERAL (
    SELECT instant."effectiveTime" AS ended FROM (
      -- The change in effect at each earlier instant: the last there in history order.
      SELECT DISTINCT ON (other."effectiveTime") other."effectiveTime", other.status FROM "StatusChange" other
      WHERE (other."agreementId" = agreement_id OR other."measureId" = measure_id) AND pw_stands(other.state, other."effectiveTime", other."cancelledFrom", at)
        AND other."effectiveTime" < cur."effectiveTime"
      ORDER BY other."effectiveTime" DESC, other."occurredAt" DESC, other."createdAt" DESC, other.id DESC
    ) instant
    WHERE instant.status <> cur.status
    LIMIT 1
  ) run_end ON true
  CROSS JOIN LATERAL (
    SELECT sc.id, sc."effectiveTime", sc."effectiveAt", sc."occurredPrecision", sc."timeZone" FROM "StatusChange" sc
    WHERE (sc."agreementId" = agreement_id OR sc."measureId" = measure_id) AND pw_stands(sc.state, sc."effectiveTime", sc."cancelledFrom", at)
      AND sc."effectiveTime" = (
        SELECT first."effectiveTime" FROM "StatusChange" first
        WHERE (first."agreementId" = agreement_id OR first."measureId" = measure_id) AND pw_stands(first.state, first."effectiveTime", first."cancelledFrom", at)
          AND first."effectiveTime" > COALESCE(run_end.ended, '-infinity')
        ORDER BY first."effectiveTime" LIMIT 1)
    ORDER BY sc."effectiveTime" DESC, sc."occurredAt" DESC, sc."createdAt" DESC, sc.id DESC LIMIT 1
  ) start
$$;
