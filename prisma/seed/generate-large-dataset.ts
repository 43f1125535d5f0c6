// A large synthetic dataset for measuring the reader's queries (`npm run db:generate-large`):
// agreements, trade measures, sources, status changes and their citations, made by PostgreSQL
// itself with INSERT … SELECT generate_series in batches, so a million changes take minutes, not
// hours. Everything generated is marked: slugs start with "gen-<run>-", source URLs live under
// https://generated.pactwatch.invalid/. No audit events are written for it: it is not a record.

import { randomBytes } from "node:crypto";
import type pg from "pg";

export type TLargeDatasetOptions = {
  /** How many status changes to make (1 000 000 for the benchmark). */
  changes: number;
  /** Status changes per INSERT statement; progress is reported after each. */
  batchSize?: number;
  /** Seeds PostgreSQL's random() (-1 to 1), so two runs draw the same shape (the benchmark does). */
  seed?: number;
  onProgress?: (message: string) => void;
};

export type TLargeDatasetResult = {
  run: string;
  agreements: number;
  measures: number;
  sources: number;
  changes: number;
  citations: number;
  seconds: number;
};

// The states that take part, most active first: the generator picks from the front more often,
// so some dyads (JPN–KOR first of all) have long shared histories and most have short ones.
const ACTIVE_STATES = [
  "JPN", "KOR", "USA", "CHN", "DEU", "FRA", "GBR", "IND", "RUS", "BRA", "CAN", "AUS", "ITA", "ESP",
  "MEX", "IDN", "TUR", "SAU", "ZAF", "ARG", "NLD", "CHE", "SWE", "POL", "BEL", "NOR", "AUT", "IRN",
  "ISR", "EGY", "NGA", "PAK", "VNM", "THA", "MYS", "SGP", "PHL", "NZL", "CHL", "COL",
];

const TOPICS = [
  "Intelligence sharing", "Export controls", "Tariffs", "Fisheries", "Customs cooperation",
  "Investment protection", "Aviation rights", "Energy supply", "Visa rules", "Semiconductor materials",
];
const VERBS = ["tightened", "eased", "suspended", "extended", "announced", "reviewed", "restored", "terminated"];
const PUBLISHERS = [
  "Generated Wire", "Synthetic Times", "Example Gazette", "Placeholder Herald", "Model Ministry of Trade",
  "Test Foreign Office", "Sample Broadcasting", "Mock Policy Institute",
];

/** Fills the database with a synthetic dataset of `changes` status changes; the ISO states must be loaded. */
export async function generateLargeDataset(client: pg.ClientBase, options: TLargeDatasetOptions): Promise<TLargeDatasetResult> {
  const { changes, batchSize = 100_000, seed, onProgress = () => {} } = options;
  if (!Number.isInteger(changes) || changes < 1) throw new RangeError("changes must be a positive whole number");
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const run = randomBytes(3).toString("hex");
  const agreements = Math.max(20, Math.round(changes / 250));
  const measures = agreements;
  const sources = Math.max(50, Math.round(changes / 10));

  await client.query("BEGIN");
  try {
    if (seed !== undefined) await client.query("SELECT setseed($1)", [seed]);
    await client.query(
      `CREATE TEMP TABLE gen_party ON COMMIT DROP AS
         SELECT (row_number() OVER (ORDER BY array_position($1::text[], code)) - 1)::int AS n, id
         FROM "Party" WHERE code = ANY($1::text[])`,
      [ACTIVE_STATES],
    );
    const parties = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM gen_party`);
    const partyCount = parties.rows[0]?.n ?? 0;
    if (partyCount < 2) throw new Error("the ISO states are missing: load them first (seedStates)");

    await insertAgreements(client, { run, agreements, partyCount });
    onProgress(`${agreements} agreements with their parties (${elapsed()})`);
    await insertMeasures(client, { run, measures, partyCount });
    onProgress(`${measures} trade measures (${elapsed()})`);
    await insertSources(client, { run, sources });
    onProgress(`${sources} sources (${elapsed()})`);
    // ANALYZE inside the transaction counts its own rows: the triggers' statements are then
    // planned on the sizes they will meet, not on the empty tables the run began with.
    await analyseTables(client);

    let citations = 0;
    for (let from = 1; from <= changes; from += batchSize) {
      const to = Math.min(changes, from + batchSize - 1);
      citations += await insertStatusChanges(client, { run, from, to, agreements, measures, sources });
      await analyseTables(client);
      onProgress(`status changes ${to.toLocaleString("en")} / ${changes.toLocaleString("en")}, citations ${citations.toLocaleString("en")} (${elapsed()})`);
    }
    await client.query("COMMIT");
    onProgress(`analysing the tables (${elapsed()})`);
    await analyseTables(client);
    onProgress(`done (${elapsed()})`);
    return { run, agreements, measures, sources, changes, citations, seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}

async function analyseTables(client: pg.ClientBase) {
  await client.query(`ANALYZE "Agreement", "AgreementParty", "TradeMeasure", "TradeMeasureTarget", "Source", "StatusChange", "Citation", "CurrentStatusPeriod", "StatusChangeRecord"`);
}

type TAgreementPlan = { run: string; agreements: number; partyCount: number };

async function insertAgreements(client: pg.ClientBase, { run, agreements, partyCount }: TAgreementPlan) {
  await client.query(
    `INSERT INTO "Agreement" (id, slug, title, "shortName", kind, "signedOn", "inForceOn", "termMonths", "autoRenews", "noticeDays", "timeZone", summary, "updatedAt")
     SELECT gen_random_uuid(), 'gen-' || $1 || '-agreement-' || g,
       ($3::text[])[1 + g % 10] || ' agreement no. ' || g,
       CASE WHEN g % 3 = 0 THEN 'GEN-' || g END,
       ($4::text[])[1 + g % 5]::"AgreementKind",
       signed, signed, CASE WHEN g % 4 = 0 THEN 12 END, g % 4 = 0, CASE WHEN g % 4 = 0 THEN 90 END,
       'UTC',
       'Synthetic agreement on ' || lower(($3::text[])[1 + g % 10]) || ' between two states, generated to measure the reader''s queries.',
       now()
     FROM generate_series(1, $2::int) g,
       LATERAL (SELECT date '1990-01-01' + (g::bigint * 7919 % 12000)::int AS signed) d`,
    [run, agreements, TOPICS, ["SECURITY", "TRADE", "DIPLOMATIC", "ECONOMIC", "OTHER"]],
  );
  await client.query(
    `CREATE TEMP TABLE gen_agreement ON COMMIT DROP AS
       SELECT (row_number() OVER (ORDER BY split_part(slug, '-', 4)::int) - 1)::int AS n, id FROM "Agreement" WHERE slug LIKE 'gen-' || $1 || '-agreement-%'`,
    [run],
  );
  // One in forty agreements is between the two most active states, so that dyad is a heavy one.
  await client.query(
    `WITH pairs AS MATERIALIZED (
       SELECT a.id, first, CASE WHEN second = first THEN (first + 1) % $1::int ELSE second END AS second
       FROM gen_agreement a,
         LATERAL (SELECT CASE WHEN a.n % 40 = 0 THEN 0 ELSE floor($1 * power(random(), 2))::int END AS first,
                         CASE WHEN a.n % 40 = 0 THEN 1 ELSE floor($1 * power(random(), 2))::int END AS second) p
     )
     INSERT INTO "AgreementParty" ("agreementId", "partyId")
     SELECT pairs.id, party.id FROM pairs JOIN gen_party party ON party.n IN (pairs.first, pairs.second)`,
    [partyCount],
  );
}

async function insertMeasures(client: pg.ClientBase, { run, measures, partyCount }: { run: string; measures: number; partyCount: number }) {
  await client.query(
    `WITH plan AS MATERIALIZED (
       SELECT g,
         CASE WHEN g % 40 = 0 THEN g / 40 % 2 ELSE floor($3 * power(random(), 2))::int END AS imposing,
         CASE WHEN g % 40 = 0 THEN (g / 40 + 1) % 2 ELSE floor($3 * power(random(), 2))::int END AS target
       FROM generate_series(1, $2::int) g
     )
     INSERT INTO "TradeMeasure" (id, slug, title, "imposingPartyId", "measureType", products, "announcedOn", "effectiveOn", "timeZone", summary, "updatedAt")
     SELECT gen_random_uuid(), 'gen-' || $1 || '-measure-' || g,
       ($4::text[])[1 + g % 10] || ' measure no. ' || g,
       party.id, ($5::text[])[1 + g % 6]::"MeasureType",
       'Synthetic goods of heading ' || (g % 97),
       date '1990-01-01' + (g::bigint * 7717 % 12000)::int, date '1990-01-01' + (g::bigint * 7717 % 12000)::int + 14, 'UTC',
       'Synthetic trade measure: ' || lower(($4::text[])[1 + g % 10]) || ', generated to measure the reader''s queries.',
       now()
     FROM plan JOIN gen_party party ON party.n = plan.imposing`,
    [run, measures, partyCount, TOPICS, ["EXPORT_CONTROL", "TARIFF", "PREFERENTIAL_LIST_REMOVAL", "IMPORT_RESTRICTION", "SANCTION", "OTHER"]],
  );
  await client.query(
    `CREATE TEMP TABLE gen_measure ON COMMIT DROP AS
       SELECT (row_number() OVER (ORDER BY split_part(slug, '-', 4)::int) - 1)::int AS n, split_part(slug, '-', 4)::int AS g, id, "imposingPartyId"
       FROM "TradeMeasure" WHERE slug LIKE 'gen-' || $1 || '-measure-%'`,
    [run],
  );
  await client.query(
    `WITH plan AS MATERIALIZED (
       SELECT m.id, m."imposingPartyId", CASE WHEN m.g % 40 = 0 THEN (m.g / 40 + 1) % 2 ELSE floor($1 * power(random(), 2))::int END AS target
       FROM gen_measure m
     )
     INSERT INTO "TradeMeasureTarget" ("measureId", "partyId")
     SELECT plan.id, CASE WHEN party.id = plan."imposingPartyId" THEN other.id ELSE party.id END
     FROM plan JOIN gen_party party ON party.n = plan.target
       JOIN gen_party other ON other.n = (plan.target + 1) % $1::int`,
    [partyCount],
  );
}

async function insertSources(client: pg.ClientBase, { run, sources }: { run: string; sources: number }) {
  await client.query(
    `INSERT INTO "Source" (id, url, title, publisher, "publishedAt", kind, reliability, "updatedAt")
     SELECT gen_random_uuid(), 'https://generated.pactwatch.invalid/' || $1 || '/source/' || g,
       'Report on ' || lower(($3::text[])[1 + g % 10]) || ', item ' || g,
       ($4::text[])[1 + g % 8],
       timestamptz '1990-01-01 00:00Z' + (g::bigint * 104729 % 13000)::int * interval '1 day',
       ($5::text[])[1 + g % 5]::"SourceKind", ($6::text[])[1 + g % 6]::"Reliability", now()
     FROM generate_series(1, $2::int) g`,
    [run, sources, TOPICS, PUBLISHERS, ["NEWS", "GOVERNMENT", "TREATY_TEXT", "ANALYSIS", "OTHER"], ["A", "B", "C", "D", "E", "F"]],
  );
  await client.query(
    `CREATE TEMP TABLE gen_source ON COMMIT DROP AS
       SELECT (row_number() OVER (ORDER BY split_part(url, '/source/', 2)::int) - 1)::int AS n, id FROM "Source" WHERE url LIKE 'https://generated.pactwatch.invalid/' || $1 || '/%'`,
    [run],
  );
}

type TChangePlan = { run: string; from: number; to: number; agreements: number; measures: number; sources: number };

/** One batch of status changes and their one to three citations each; returns the citations made. */
async function insertStatusChanges(client: pg.ClientBase, plan: TChangePlan): Promise<number> {
  const result = await client.query(
    `WITH draw AS MATERIALIZED (
       SELECT g, random() < 0.5 AS on_agreement,
         -- power(…, 1.5) skews towards the first subjects: a few long histories, many short ones.
         floor(power(random(), 1.5) * $3)::int AS agreement_n, floor(power(random(), 1.5) * $4)::int AS measure_n,
         date_trunc('day', now() - interval '1 day' - random() * interval '36 years') AS occurred,
         random() AS r_effective, random() AS r_state, random() AS r_status, random() AS r_direction, random() AS r_logged
       FROM generate_series($1::int, $2::int) g
     ), shaped AS (
       SELECT draw.*,
         CASE WHEN r_effective < 0.05 THEN occurred + floor(r_effective * 2400) * interval '1 day' END AS effective,
         CASE WHEN r_state < 0.97 THEN 'PUBLISHED' WHEN r_state < 0.99 THEN 'RETRACTED' ELSE 'DRAFT' END AS state
       FROM draw
     ), inserted AS (
       INSERT INTO "StatusChange" (id, "agreementId", "measureId", status, headline, body, "occurredAt", "occurredPrecision", "timeZone",
         "effectiveAt", "effectiveTime", direction, state, "publishedAt", "retractedAt", "retractionReason", "createdAt", "updatedAt")
       SELECT gen_random_uuid(),
         CASE WHEN on_agreement THEN a.id END, CASE WHEN NOT on_agreement THEN m.id END,
         (CASE WHEN on_agreement THEN ($5::text[])[1 + floor(r_status * 8)::int] ELSE ($6::text[])[1 + floor(r_status * 5)::int] END)::"Status",
         ($7::text[])[1 + shaped.g % 10] || ' ' || ($8::text[])[1 + shaped.g % 8] || ' (generated development ' || shaped.g || ')',
         'Synthetic development number ' || shaped.g || ' about ' || lower(($7::text[])[1 + shaped.g % 10]) || ', generated to measure the reader''s queries.',
         occurred, 'DAY', 'UTC', effective, COALESCE(effective, occurred),
         (CASE WHEN r_direction < 0.4 THEN 'ESCALATION' WHEN r_direction < 0.75 THEN 'DE_ESCALATION' ELSE 'NEUTRAL' END)::"Direction",
         state::"EntryState",
         CASE WHEN state <> 'DRAFT' THEN occurred + interval '6 hours' END,
         CASE WHEN state = 'RETRACTED' THEN occurred + interval '3 days' END,
         CASE WHEN state = 'RETRACTED' THEN 'the generated report was withdrawn' END,
         occurred + r_logged * interval '5 hours', occurred + interval '6 hours'
       FROM shaped
         LEFT JOIN gen_agreement a ON on_agreement AND a.n = agreement_n
         LEFT JOIN gen_measure m ON NOT on_agreement AND m.n = measure_n
       RETURNING id
     ), cited AS (
       SELECT inserted.id, position, abs(hashtext(inserted.id::text || position)) % $9::int AS source_n
       FROM inserted, LATERAL generate_series(0, abs(hashtext(inserted.id::text)) % 3) position
     )
     INSERT INTO "Citation" (id, "statusChangeId", "sourceId", quote, locator, credibility, position)
     SELECT gen_random_uuid(), cited.id, source.id,
       CASE WHEN position = 0 THEN 'A generated quotation supporting the development.' END,
       'paragraph ' || (1 + source_n % 12), 1 + source_n % 6, position
     FROM cited JOIN gen_source source ON source.n = cited.source_n`,
    [
      plan.from,
      plan.to,
      plan.agreements,
      plan.measures,
      ["NEGOTIATING", "SIGNED", "IN_FORCE", "NOTICE_GIVEN", "PROVISIONALLY_EXTENDED", "SUSPENDED", "TERMINATED", "RESTORED"],
      ["ANNOUNCED", "IN_FORCE", "EASED", "SUSPENDED", "LIFTED"],
      TOPICS,
      VERBS,
      plan.sources,
    ],
  );
  return result.rowCount ?? 0;
}
