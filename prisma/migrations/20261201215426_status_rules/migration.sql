-- AlterTable
ALTER TABLE "StatusChange" ADD COLUMN     "cancelledFrom" TIMESTAMPTZ(3);

-- ---------------------------------------------------------------------------------------------
-- Hand-written below this line: the cancellation rule of lib/domain/status-derivation.ts, stated
-- once for SQL (decision 008); lib/server/status-sql.ts builds the current status on it. tests/reader/status-sql.integration.test.ts holds them to the domain on
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
