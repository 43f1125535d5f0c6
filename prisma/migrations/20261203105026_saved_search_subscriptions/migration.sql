-- AlterEnum
ALTER TYPE "SubscriptionSubject" ADD VALUE 'SEARCH';

-- AlterTable
ALTER TABLE "Subscription" ADD COLUMN     "searchFilters" JSONB,
ADD COLUMN     "searchLabel" TEXT;

-- Written by hand (decision 039). 'SEARCH' is compared as text: a value added by ALTER TYPE
-- cannot be used as an enum literal in the transaction that added it.

-- A subscription names exactly the subject its kind needs; a saved search is its filters (a JSON
-- object) and their words, and names no record.
ALTER TABLE "Subscription" DROP CONSTRAINT "Subscription_subject_check";
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_subject_check" CHECK (
  CASE "subjectKind"::text
    WHEN 'AGREEMENT' THEN num_nonnulls("agreementId") = 1 AND num_nonnulls("measureId", "partyId", "otherPartyId") = 0
    WHEN 'MEASURE' THEN num_nonnulls("measureId") = 1 AND num_nonnulls("agreementId", "partyId", "otherPartyId") = 0
    WHEN 'PARTY' THEN num_nonnulls("partyId") = 1 AND num_nonnulls("agreementId", "measureId", "otherPartyId") = 0
    WHEN 'RELATION' THEN num_nonnulls("partyId", "otherPartyId") = 2 AND "partyId" <> "otherPartyId" AND num_nonnulls("agreementId", "measureId") = 0
    WHEN 'SEARCH' THEN num_nonnulls("agreementId", "measureId", "partyId", "otherPartyId") = 0
  END
);
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_search_check" CHECK (
  ("subjectKind"::text = 'SEARCH') = ("searchFilters" IS NOT NULL)
  AND ("subjectKind"::text = 'SEARCH') = ("searchLabel" IS NOT NULL)
  AND ("searchFilters" IS NULL OR jsonb_typeof("searchFilters") = 'object')
);
-- A search tells of any matching development or of escalations (with corrections); status
-- transitions, deadlines and breaches belong to one subject's record.
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_search_rule_check" CHECK (
  "subjectKind"::text <> 'SEARCH' OR "rule" IN ('ANY_DEVELOPMENT', 'ESCALATION')
);
