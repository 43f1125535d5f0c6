-- CreateEnum
CREATE TYPE "DeliveryTiming" AS ENUM ('IMMEDIATE', 'DAILY_DIGEST');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "DeliveryKind" ADD VALUE 'DEADLINE_APPROACHING';
ALTER TYPE "DeliveryKind" ADD VALUE 'CONDITION_BREACHED';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "SubscriptionRule" ADD VALUE 'DEADLINE_APPROACHING';
ALTER TYPE "SubscriptionRule" ADD VALUE 'CONDITION_BREACHED';

-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "conditionStateId" UUID,
ADD COLUMN     "deadlineAt" TIMESTAMPTZ(3),
ADD COLUMN     "digestId" UUID,
ALTER COLUMN "statusChangeId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "MailMessage" ADD COLUMN     "digestId" UUID;

-- AlterTable
ALTER TABLE "Subscription" ADD COLUMN     "digestHour" INTEGER,
ADD COLUMN     "digestTimeZone" TEXT,
ADD COLUMN     "ruleDays" INTEGER,
ADD COLUMN     "timing" "DeliveryTiming" NOT NULL DEFAULT 'IMMEDIATE';

-- CreateTable
CREATE TABLE "Digest" (
    "id" UUID NOT NULL,
    "subscriptionId" UUID NOT NULL,
    "localDay" DATE NOT NULL,
    "scheduledAt" TIMESTAMPTZ(3) NOT NULL,
    "closedAt" TIMESTAMPTZ(3),
    "sentAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Digest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Digest_subscriptionId_localDay_key" ON "Digest"("subscriptionId", "localDay");

-- CreateIndex
CREATE INDEX "Delivery_conditionStateId_idx" ON "Delivery"("conditionStateId");

-- CreateIndex
CREATE INDEX "Delivery_digestId_idx" ON "Delivery"("digestId");

-- CreateIndex
CREATE UNIQUE INDEX "Delivery_subscriptionId_deadlineAt_key" ON "Delivery"("subscriptionId", "deadlineAt");

-- CreateIndex
CREATE UNIQUE INDEX "Delivery_subscriptionId_conditionStateId_key" ON "Delivery"("subscriptionId", "conditionStateId");

-- CreateIndex
CREATE UNIQUE INDEX "MailMessage_digestId_key" ON "MailMessage"("digestId");

-- AddForeignKey
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_conditionStateId_fkey" FOREIGN KEY ("conditionStateId") REFERENCES "ConditionStateChange"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_digestId_fkey" FOREIGN KEY ("digestId") REFERENCES "Digest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Digest" ADD CONSTRAINT "Digest_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "Subscription"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MailMessage" ADD CONSTRAINT "MailMessage_digestId_fkey" FOREIGN KEY ("digestId") REFERENCES "Digest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Written by hand (decision 035). The new enum values are compared as text: a value added by
-- ALTER TYPE cannot be used as an enum literal in the transaction that added it.

-- A deadline rule names its number of days (1–365); no other rule has one.
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_rule_days_check" CHECK (
  ("rule"::text = 'DEADLINE_APPROACHING') = ("ruleDays" IS NOT NULL)
  AND ("ruleDays" IS NULL OR "ruleDays" BETWEEN 1 AND 365)
);
-- Deadlines and breaches belong to an agreement's or a measure's record.
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_rule_subject_check" CHECK (
  "rule"::text NOT IN ('DEADLINE_APPROACHING', 'CONDITION_BREACHED') OR "subjectKind" IN ('AGREEMENT', 'MEASURE')
);
-- A daily digest is mail at an hour in a zone; webhooks and feeds are always immediate.
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_timing_check" CHECK (
  ("timing" = 'DAILY_DIGEST') = ("digestHour" IS NOT NULL)
  AND ("timing" = 'DAILY_DIGEST') = ("digestTimeZone" IS NOT NULL)
  AND ("digestHour" IS NULL OR "digestHour" BETWEEN 0 AND 23)
  AND ("timing" = 'IMMEDIATE' OR "channel" = 'EMAIL')
);
-- What a delivery tells of follows its kind.
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_kind_check" CHECK (
  CASE "kind"::text
    WHEN 'DEADLINE_APPROACHING' THEN "deadlineAt" IS NOT NULL AND "conditionStateId" IS NULL
    WHEN 'CONDITION_BREACHED' THEN "conditionStateId" IS NOT NULL AND "statusChangeId" IS NULL AND "deadlineAt" IS NULL
    ELSE "statusChangeId" IS NOT NULL AND "deadlineAt" IS NULL AND "conditionStateId" IS NULL
  END
);
ALTER TABLE "Digest" ADD CONSTRAINT "Digest_sent_check" CHECK ("sentAt" IS NULL OR "closedAt" IS NOT NULL);

-- plan: works out a subject's (or one subscription's) coming deadlines and schedules a reminder
-- job for each; reminder: one (subscription, deadline instant), sent with startAfter, "short" so
-- that planning again while it waits adds no second job with the same key; digest: one
-- (subscription, local day), sent with startAfter at its hour.
SELECT pgboss.create_queue('subscription-deadline-plan', '{"policy":"standard","retryLimit":20,"retryDelay":1,"retryBackoff":true,"expireInSeconds":60,"retentionMinutes":20160}'::json);
SELECT pgboss.create_queue('subscription-deadline-reminder', '{"policy":"short","retryLimit":20,"retryDelay":5,"retryBackoff":true,"expireInSeconds":60,"retentionMinutes":20160}'::json);
SELECT pgboss.create_queue('subscription-digest', '{"policy":"short","retryLimit":8,"retryDelay":5,"retryBackoff":true,"expireInSeconds":60,"retentionMinutes":20160}'::json);
-- breach: a condition state that entered BREACHED, fanned out to its subject's subscriptions.
SELECT pgboss.create_queue('subscription-breach-fan-out', '{"policy":"standard","retryLimit":20,"retryDelay":1,"retryBackoff":true,"expireInSeconds":60,"retentionMinutes":20160}'::json);
