-- CreateTable
CREATE TABLE "IdempotencyKey" (
    "callerId" UUID NOT NULL,
    "key" VARCHAR(255) NOT NULL,
    "fingerprint" VARCHAR(64) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "lockedUntil" TIMESTAMPTZ(3),
    "completedAt" TIMESTAMPTZ(3),
    "status" INTEGER,
    "headers" JSONB,
    "body" BYTEA,

    CONSTRAINT "IdempotencyKey_pkey" PRIMARY KEY ("callerId","key")
);

-- CreateIndex
CREATE INDEX "IdempotencyKey_expiresAt_idx" ON "IdempotencyKey"("expiresAt");
