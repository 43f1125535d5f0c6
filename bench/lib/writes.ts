// The write path: concurrent writers publishing a development with two citations each over the
// API with an analyst's token, then a count in SQL that every acknowledged write landed exactly
// once with its citations, audit events and revision.
import { createHash, randomBytes } from "node:crypto";
import http from "node:http";
import pg from "pg";
import { percentile } from "./stats";

export type TWriteReport = {
  writers: number;
  seconds: number;
  acknowledged: number;
  publishesPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  failures: Record<string, number>;
  /** Rows whose headline carries this run's mark: acknowledged or not. */
  stored: number;
  /** The agreements written to: one (every writer waits for the others on its current status) or one per writer. */
  subjects: number;
  /** Acknowledged writes missing or incomplete (citations ≠ 2, audit events ≠ 2, revisions ≠ 1, not published). */
  incomplete: number;
  /** Headlines stored more than once. */
  doubled: number;
  ok: boolean;
};

async function prepare(url: string, mark: string, subjects: number) {
  const client = new pg.Client({ connectionString: url, application_name: "pactwatch-bench" });
  await client.connect();
  try {
    const secret = `pw_${randomBytes(32).toString("base64url")}`;
    const user = await client.query<{ id: string }>(
      `INSERT INTO "User" (id, email, name, role, "updatedAt") VALUES (gen_random_uuid(), $1, 'Benchmark analyst', 'ANALYST', now()) RETURNING id`,
      [`bench-analyst-${mark}@pactwatch.invalid`],
    );
    await client.query(
      `INSERT INTO "ApiToken" (id, "userId", name, "tokenHash", prefix) VALUES (gen_random_uuid(), $1, 'benchmark writers', $2, $3)`,
      [user.rows[0]!.id, createHash("sha256").update(secret).digest("hex"), secret.slice(0, 10)],
    );
    // Each run writes to agreements of its own, so the measured histories do not grow.
    const created = await client.query<{ slug: string }>(
      `INSERT INTO "Agreement" (id, slug, title, kind, "timeZone", summary, "updatedAt")
       SELECT gen_random_uuid(), $1 || '-' || n, 'Benchmark write path ' || n, 'OTHER', 'UTC', 'Written to by the benchmark''s writers.', now()
       FROM generate_series(1, $2::int) AS n ORDER BY n RETURNING slug`,
      [`bench-writes-${mark}`, subjects],
    );
    const slugs = created.rows.map((row) => row.slug).sort();
    await client.query(
      `INSERT INTO "AgreementParty" ("agreementId", "partyId") SELECT a.id, p.id FROM "Agreement" a, "Party" p WHERE a.slug = ANY($1::text[]) AND p.code IN ('ISL', 'MLT')`,
      [slugs],
    );
    const sources = await client.query<{ id: string }>(`SELECT id FROM "Source" WHERE "mergedIntoId" IS NULL AND "retiredAt" IS NULL ORDER BY url LIMIT 2`);
    if (sources.rows.length < 2) throw new Error("the benchmark database has fewer than two sources: fill it again (drop --reuse)");
    return { secret, slugs, sourceIds: sources.rows.map((row) => row.id) };
  } finally {
    await client.end();
  }
}

export async function runWrites(options: { appUrl: string; databaseUrl: string; writers: number; seconds: number; subjects: number }): Promise<TWriteReport> {
  const mark = `${Date.now().toString(36)}${randomBytes(2).toString("hex")}`;
  const { secret, slugs, sourceIds } = await prepare(options.databaseUrl, mark, options.subjects);
  const acknowledged: string[] = [];
  const latencies: number[] = [];
  const failures: Record<string, number> = {};
  const url = new URL("/api/v1/status-changes", options.appUrl);
  // One kept-alive connection per writer, through node:http rather than fetch: on two cores the
  // client shares the CPU with the app and PostgreSQL, and undici's fetch spent about 2 ms of CPU
  // per publish where this spends well under one (BENCHMARKS.md, 6 December).
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.writers });
  const deadline = Date.now() + options.seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.writers }, async (_, writer) => {
      for (let n = 0; Date.now() < deadline; n++) {
        const body = JSON.stringify({
          subject: `agreement:${slugs[writer % slugs.length]}`,
          status: "IN_FORCE",
          headline: `Bench write ${mark} ${writer}-${n}`,
          body: "Written by the benchmark's write path.",
          occurredOn: "2020-01-01",
          timeZone: "UTC",
          direction: "NEUTRAL",
          intent: "publish",
          citations: sourceIds.map((sourceId, position) => ({ sourceId, credibility: 2 + position, locator: `paragraph ${position + 1}` })),
        });
        const begun = performance.now();
        try {
          const { status, text } = await post(agent, url, secret, body);
          latencies.push(performance.now() - begun);
          if (status === 201) acknowledged.push((JSON.parse(text) as { id: string }).id);
          else failures[`HTTP ${status}`] = (failures[`HTTP ${status}`] ?? 0) + 1;
        } catch (error) {
          const name = (error as Error).name === "Error" ? ((error as NodeJS.ErrnoException).code ?? "Error") : (error as Error).name;
          failures[name] = (failures[name] ?? 0) + 1;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  const counts = await countWrites(options.databaseUrl, mark, acknowledged);
  return {
    writers: options.writers,
    subjects: slugs.length,
    seconds,
    acknowledged: acknowledged.length,
    publishesPerSecond: acknowledged.length / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    failures,
    ...counts,
    ok: acknowledged.length > 0 && counts.incomplete === 0 && counts.doubled === 0,
  };
}

/** One POST of a development as the writer's analyst; its status and body, or the network error. */
function post(agent: http.Agent, url: URL, secret: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: "POST",
        agent,
        timeout: 30_000,
        headers: { authorization: `Bearer ${secret}`, "content-type": "application/json", "content-length": Buffer.byteLength(body) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
        response.on("error", reject);
      },
    );
    request.on("timeout", () => request.destroy(Object.assign(new Error("no answer within 30 s"), { name: "TimeoutError" })));
    request.on("error", reject);
    request.end(body);
  });
}

async function countWrites(url: string, mark: string, ids: string[]) {
  const client = new pg.Client({ connectionString: url, application_name: "pactwatch-bench" });
  await client.connect();
  try {
    const stored = await client.query<{ n: number; doubled: number }>(
      `SELECT count(*)::int AS n, (count(*) - count(DISTINCT headline))::int AS doubled FROM "StatusChange" WHERE headline LIKE $1`,
      [`Bench write ${mark} %`],
    );
    const incomplete = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM unnest($1::uuid[]) AS ack(id)
       WHERE NOT EXISTS (SELECT 1 FROM "StatusChange" s WHERE s.id = ack.id AND s.state = 'PUBLISHED')
          OR (SELECT count(*) FROM "Citation" c WHERE c."statusChangeId" = ack.id) <> 2
          OR (SELECT count(*) FROM "AuditEvent" a WHERE a."entityType" = 'StatusChange' AND a."entityId" = ack.id::text
                AND a.action IN ('status-change:log', 'status-change:publish')) <> 2
          OR (SELECT count(*) FROM "Revision" r WHERE r."entityType" = 'StatusChange' AND r."entityId" = ack.id) <> 1`,
      [ids],
    );
    return { stored: stored.rows[0]!.n, doubled: stored.rows[0]!.doubled, incomplete: incomplete.rows[0]!.n };
  } finally {
    await client.end();
  }
}
