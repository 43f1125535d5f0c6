-- CreateEnum
CREATE TYPE "SubscriptionSubject" AS ENUM ('AGREEMENT', 'MEASURE', 'PARTY', 'RELATION');

-- CreateEnum
CREATE TYPE "SubscriptionRule" AS ENUM ('ANY_DEVELOPMENT', 'ENTERS_STATUS', 'LEAVES_STATUS', 'ESCALATION');

-- CreateEnum
CREATE TYPE "SubscriptionChannel" AS ENUM ('EMAIL', 'WEBHOOK', 'FEED');

-- CreateEnum
CREATE TYPE "DeliveryKind" AS ENUM ('PUBLISHED', 'CORRECTED', 'RETRACTED');

-- CreateEnum
CREATE TYPE "DeliveryState" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- CreateTable
CREATE TABLE "Subscription" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "subjectKind" "SubscriptionSubject" NOT NULL,
    "agreementId" UUID,
    "measureId" UUID,
    "partyId" UUID,
    "otherPartyId" UUID,
    "rule" "SubscriptionRule" NOT NULL,
    "ruleStatus" "Status",
    "includeCorrections" BOOLEAN NOT NULL DEFAULT true,
    "channel" "SubscriptionChannel" NOT NULL,
    "webhookUrl" TEXT,
    "webhookSecret" TEXT,
    "feedTokenHash" TEXT,
    "pausedAt" TIMESTAMPTZ(3),
    "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,
    "endedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Subscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Delivery" (
    "id" UUID NOT NULL,
    "subscriptionId" UUID NOT NULL,
    "statusChangeId" UUID NOT NULL,
    "kind" "DeliveryKind" NOT NULL,
    "entryVersion" INTEGER NOT NULL,
    "statusBefore" "Status",
    "statusAfter" "Status" NOT NULL,
    "state" "DeliveryState" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "lastResponse" INTEGER,
    "sentAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Delivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MailMessage" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "deliveryId" UUID,
    "messageId" TEXT NOT NULL,
    "toAddress" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "textBody" TEXT NOT NULL,
    "htmlBody" TEXT NOT NULL,
    "transport" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MailMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Subscription_feedTokenHash_key" ON "Subscription"("feedTokenHash");

-- CreateIndex
CREATE INDEX "Subscription_userId_createdAt_id_idx" ON "Subscription"("userId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Subscription_agreementId_idx" ON "Subscription"("agreementId");

-- CreateIndex
CREATE INDEX "Subscription_measureId_idx" ON "Subscription"("measureId");

-- CreateIndex
CREATE INDEX "Subscription_partyId_idx" ON "Subscription"("partyId");

-- CreateIndex
CREATE INDEX "Subscription_otherPartyId_idx" ON "Subscription"("otherPartyId");

-- CreateIndex
CREATE INDEX "Delivery_subscriptionId_createdAt_id_idx" ON "Delivery"("subscriptionId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Delivery_statusChangeId_idx" ON "Delivery"("statusChangeId");

-- CreateIndex
CREATE INDEX "Delivery_state_createdAt_idx" ON "Delivery"("state", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Delivery_subscriptionId_statusChangeId_kind_entryVersion_key" ON "Delivery"("subscriptionId", "statusChangeId", "kind", "entryVersion");

-- CreateIndex
CREATE UNIQUE INDEX "MailMessage_deliveryId_key" ON "MailMessage"("deliveryId");

-- CreateIndex
CREATE UNIQUE INDEX "MailMessage_messageId_key" ON "MailMessage"("messageId");

-- CreateIndex
CREATE INDEX "MailMessage_userId_createdAt_id_idx" ON "MailMessage"("userId", "createdAt" DESC, "id" DESC);

-- AddForeignKey
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "TradeMeasure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_partyId_fkey" FOREIGN KEY ("partyId") REFERENCES "Party"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_otherPartyId_fkey" FOREIGN KEY ("otherPartyId") REFERENCES "Party"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "Subscription"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_statusChangeId_fkey" FOREIGN KEY ("statusChangeId") REFERENCES "StatusChange"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MailMessage" ADD CONSTRAINT "MailMessage_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MailMessage" ADD CONSTRAINT "MailMessage_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "Delivery"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Written by hand below the generated part ------------------------------------------------------

-- A subscription names exactly the subject its kind needs; a relation is two different parties.
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_subject_check" CHECK (
  CASE "subjectKind"
    WHEN 'AGREEMENT' THEN num_nonnulls("agreementId") = 1 AND num_nonnulls("measureId", "partyId", "otherPartyId") = 0
    WHEN 'MEASURE' THEN num_nonnulls("measureId") = 1 AND num_nonnulls("agreementId", "partyId", "otherPartyId") = 0
    WHEN 'PARTY' THEN num_nonnulls("partyId") = 1 AND num_nonnulls("agreementId", "measureId", "otherPartyId") = 0
    WHEN 'RELATION' THEN num_nonnulls("partyId", "otherPartyId") = 2 AND "partyId" <> "otherPartyId" AND num_nonnulls("agreementId", "measureId") = 0
  END
);
-- Entering or leaving needs the status; the other rules take none.
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_rule_status_check" CHECK (
  ("rule" IN ('ENTERS_STATUS', 'LEAVES_STATUS')) = ("ruleStatus" IS NOT NULL)
);
-- A webhook has its URL (and its key, unless a backup without secrets left it out); other
-- channels have neither.
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_webhook_check" CHECK (
  ("channel" = 'WEBHOOK') = ("webhookUrl" IS NOT NULL)
  AND ("channel" = 'WEBHOOK' OR "webhookSecret" IS NULL)
  AND ("webhookUrl" IS NULL OR "webhookUrl" ~ '^https?://')
);
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_feed_check" CHECK ("feedTokenHash" IS NULL OR "channel" = 'FEED');
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_failures_check" CHECK ("consecutiveFailures" >= 0);
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_attempts_check" CHECK ("attempts" >= 0 AND "entryVersion" >= 1);
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_sent_check" CHECK (("state" = 'SENT') = ("sentAt" IS NOT NULL));
ALTER TABLE "MailMessage" ADD CONSTRAINT "MailMessage_transport_check" CHECK ("transport" IN ('SMTP', 'OUTBOX'));

-- The job queue (pg-boss 10.4.2, schema version 24; docs/decisions/028): its own schema, created
-- here so that the publishing transaction can enqueue into it from the first start, with the
-- queues the delivery engine uses. This is pg-boss's own construction plan
-- (PgBoss.getConstructionPlans("pgboss")) without its BEGIN/COMMIT and advisory lock, which the
-- migration's transaction stands in for; the worker starts pg-boss with migrate: false.


    
    
    CREATE SCHEMA IF NOT EXISTS pgboss
  ;

    CREATE TYPE pgboss.job_state AS ENUM (
      'created',
      'retry',
      'active',
      'completed',
      'cancelled',
      'failed'
    )
  ;

    CREATE TABLE pgboss.version (
      version int primary key,
      maintained_on timestamp with time zone,
      cron_on timestamp with time zone,
      monitored_on timestamp with time zone
    )
  ;

    CREATE TABLE pgboss.queue (
      name text,
      policy text,
      retry_limit int,
      retry_delay int,
      retry_backoff bool,
      expire_seconds int,
      retention_minutes int,
      dead_letter text REFERENCES pgboss.queue (name),
      partition_name text,
      created_on timestamp with time zone not null default now(),
      updated_on timestamp with time zone not null default now(),
      PRIMARY KEY (name)
    )
  ;

    CREATE TABLE pgboss.schedule (
      name text REFERENCES pgboss.queue ON DELETE CASCADE,
      cron text not null,
      timezone text,
      data jsonb,
      options jsonb,
      created_on timestamp with time zone not null default now(),
      updated_on timestamp with time zone not null default now(),
      PRIMARY KEY (name)
    )
  ;

    CREATE TABLE pgboss.subscription (
      event text not null,
      name text not null REFERENCES pgboss.queue ON DELETE CASCADE,
      created_on timestamp with time zone not null default now(),
      updated_on timestamp with time zone not null default now(),
      PRIMARY KEY(event, name)
    )
  ;

    CREATE TABLE pgboss.job (
      id uuid not null default gen_random_uuid(),
      name text not null,
      priority integer not null default(0),
      data jsonb,
      state pgboss.job_state not null default('created'),
      retry_limit integer not null default(2),
      retry_count integer not null default(0),
      retry_delay integer not null default(0),
      retry_backoff boolean not null default false,
      start_after timestamp with time zone not null default now(),
      started_on timestamp with time zone,
      singleton_key text,
      singleton_on timestamp without time zone,
      expire_in interval not null default interval '15 minutes',
      created_on timestamp with time zone not null default now(),
      completed_on timestamp with time zone,
      keep_until timestamp with time zone NOT NULL default now() + interval '14 days',
      output jsonb,
      dead_letter text,
      policy text
    ) PARTITION BY LIST (name)
  ;
ALTER TABLE pgboss.job ADD PRIMARY KEY (name, id);
CREATE TABLE pgboss.archive (LIKE pgboss.job);
ALTER TABLE pgboss.archive ADD PRIMARY KEY (name, id);
ALTER TABLE pgboss.archive ADD archived_on timestamptz NOT NULL DEFAULT now();
CREATE INDEX archive_i1 ON pgboss.archive(archived_on);

    CREATE FUNCTION pgboss.create_queue(queue_name text, options json)
    RETURNS VOID AS
    $$
    DECLARE
      table_name varchar := 'j' || encode(sha224(queue_name::bytea), 'hex');
      queue_created_on timestamptz;
    BEGIN

      WITH q as (
      INSERT INTO pgboss.queue (
        name,
        policy,
        retry_limit,
        retry_delay,
        retry_backoff,
        expire_seconds,
        retention_minutes,
        dead_letter,
        partition_name
      )
      VALUES (
        queue_name,
        options->>'policy',
        (options->>'retryLimit')::int,
        (options->>'retryDelay')::int,
        (options->>'retryBackoff')::bool,
        (options->>'expireInSeconds')::int,
        (options->>'retentionMinutes')::int,
        options->>'deadLetter',
        table_name
      )
      ON CONFLICT DO NOTHING
      RETURNING created_on
      )
      SELECT created_on into queue_created_on from q;

      IF queue_created_on IS NULL THEN
        RETURN;
      END IF;

      EXECUTE format('CREATE TABLE pgboss.%I (LIKE pgboss.job INCLUDING DEFAULTS)', table_name);

      EXECUTE format('ALTER TABLE pgboss.%1$I ADD PRIMARY KEY (name, id)', table_name);
      EXECUTE format('ALTER TABLE pgboss.%1$I ADD CONSTRAINT q_fkey FOREIGN KEY (name) REFERENCES pgboss.queue (name) ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED', table_name);
      EXECUTE format('ALTER TABLE pgboss.%1$I ADD CONSTRAINT dlq_fkey FOREIGN KEY (dead_letter) REFERENCES pgboss.queue (name) ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED', table_name);
      EXECUTE format('CREATE UNIQUE INDEX %1$s_i1 ON pgboss.%1$I (name, COALESCE(singleton_key, '''')) WHERE state = ''created'' AND policy = ''short''', table_name);
      EXECUTE format('CREATE UNIQUE INDEX %1$s_i2 ON pgboss.%1$I (name, COALESCE(singleton_key, '''')) WHERE state = ''active'' AND policy = ''singleton''', table_name);
      EXECUTE format('CREATE UNIQUE INDEX %1$s_i3 ON pgboss.%1$I (name, state, COALESCE(singleton_key, '''')) WHERE state <= ''active'' AND policy = ''stately''', table_name);
      EXECUTE format('CREATE UNIQUE INDEX %1$s_i4 ON pgboss.%1$I (name, singleton_on, COALESCE(singleton_key, '''')) WHERE state <> ''cancelled'' AND singleton_on IS NOT NULL', table_name);
      EXECUTE format('CREATE INDEX %1$s_i5 ON pgboss.%1$I (name, start_after) INCLUDE (priority, created_on, id) WHERE state < ''active''', table_name);

      EXECUTE format('ALTER TABLE pgboss.%I ADD CONSTRAINT cjc CHECK (name=%L)', table_name, queue_name);
      EXECUTE format('ALTER TABLE pgboss.job ATTACH PARTITION pgboss.%I FOR VALUES IN (%L)', table_name, queue_name);
    END;
    $$
    LANGUAGE plpgsql;
  ;

    CREATE FUNCTION pgboss.delete_queue(queue_name text)
    RETURNS VOID AS
    $$
    DECLARE
      table_name varchar;
    BEGIN
      WITH deleted as (
        DELETE FROM pgboss.queue
        WHERE name = queue_name
        RETURNING partition_name
      )
      SELECT partition_name from deleted INTO table_name;

      EXECUTE format('DROP TABLE IF EXISTS pgboss.%I', table_name);
    END;
    $$
    LANGUAGE plpgsql;
  ;
INSERT INTO pgboss.version(version) VALUES ('24');

-- fan-out: finds the subscriptions a development matches and records one Delivery each;
-- delivery: sends one Delivery. A job whose worker died is failed after expire_seconds and retried.
SELECT pgboss.create_queue('subscription-fan-out', '{"policy":"standard","retryLimit":20,"retryDelay":1,"retryBackoff":true,"expireInSeconds":60,"retentionMinutes":20160}'::json);
SELECT pgboss.create_queue('subscription-delivery', '{"policy":"standard","retryLimit":8,"retryDelay":5,"retryBackoff":true,"expireInSeconds":60,"retentionMinutes":20160}'::json);
