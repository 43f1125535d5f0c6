-- CreateTable
CREATE TABLE "ExportLease" (
    "id" UUID NOT NULL,
    "client" TEXT NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ExportLease_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ExportLease_client_idx" ON "ExportLease"("client");
