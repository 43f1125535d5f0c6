-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "sendingSince" TIMESTAMPTZ(3);
