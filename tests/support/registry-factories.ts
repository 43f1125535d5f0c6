import { randomBytes } from "node:crypto";
import type { Prisma } from "../../lib/generated/prisma/client";
import type { TDatabase } from "../../lib/server/db";

// Rows for the source-registry tests, written straight to the database (as an import would),
// so a test can also make what the app itself would refuse: a link from before a
// canonicalisation rule, a duplicate title.

const unique = () => randomBytes(4).toString("hex");

/** A source; its link is stored exactly as given. */
export async function makeSource(db: TDatabase, overrides: Partial<Prisma.SourceUncheckedCreateInput> = {}) {
  const key = unique();
  return db.source.create({
    data: {
      url: `https://news.example.org/${key}`,
      title: `A report numbered ${key}`,
      publisher: "Example News",
      ...overrides,
    },
  });
}

/** An agreement to hang entries on. */
export async function makeAgreement(db: TDatabase) {
  const key = unique();
  return db.agreement.create({ data: { slug: `pact-${key}`, title: `Pact ${key}`, kind: "SECURITY" } });
}

/** A published entry on the agreement citing each source once, in order. */
export async function makeCitingEntry(db: TDatabase, agreementId: string, sourceIds: string[], headline = `Development ${unique()}`) {
  const occurredAt = new Date("2019-11-22T00:00:00Z");
  return db.statusChange.create({
    data: {
      agreementId,
      status: "PROVISIONALLY_EXTENDED",
      headline,
      occurredAt,
      effectiveTime: occurredAt,
      state: "PUBLISHED",
      publishedAt: occurredAt,
      citations: { create: sourceIds.map((sourceId, position) => ({ sourceId, position, quote: `quote ${position}` })) },
    },
    include: { citations: true },
  });
}
