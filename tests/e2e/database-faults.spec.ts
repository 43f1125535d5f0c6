import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { applyMigrations } from "../../prisma/tooling/migrations";
import { pgCluster, type TPgCluster } from "./pg-cluster";
import { startLoad, type TLoad, type TOutcome } from "./publish-load";

// The database going away (issue 10 item 6, decision 018). A PostgreSQL cluster of this test's
// own serves the production app (scripts/serve.mjs, as `npm start` runs it) under a bounded load
// of API publishes and reads. The server is restarted, stopped and frozen (SIGSTOP) under it:
// every request must be answered within a few seconds, as 2xx or as 503 with Retry-After
// (problem+json on the API, the "nothing was saved" page on pages), never a 500 or a hang; the
// app recovers without a restart; and in SQL every acknowledged publish exists exactly once with
// its citation, audit events and revision, and nothing is half-written.

const PORT = Number(process.env.E2E_FAULT_APP_PORT ?? 3131);
const ORIGIN = `http://127.0.0.1:${PORT}`;
/** Longest any request may take, the database stopped or frozen: the 3 s pool wait plus the 6 s query deadline, and slack for a loaded CI machine. */
const ANSWER_BOUND_MS = 11_000;
const RUN = randomBytes(4).toString("hex");
const TOKEN = `pw_${randomBytes(24).toString("hex")}`;

let cluster: TPgCluster | undefined;
let app: ChildProcess | undefined;
let appOutput = "";
let slug = "";
/** Publishes acknowledged outside the load (after recovery), checked in SQL with the load's. */
const acknowledgedDirectly: { headline: string; id: string }[] = [];

async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: cluster!.url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** One timed request; `hung` when no answer came within 20 s. */
async function probe(path: string, init: RequestInit = {}) {
  const started = performance.now();
  const response = await fetch(`${ORIGIN}${path}`, { ...init, signal: AbortSignal.timeout(20_000) }).catch((error: Error) => {
    throw new Error(`${init.method ?? "GET"} ${path} had no answer within 20 s (${error.message})`);
  });
  const body = await response.text();
  return { status: response.status, retryAfter: response.headers.get("retry-after"), type: response.headers.get("content-type") ?? "", body, ms: performance.now() - started };
}

async function waitUntil(what: string, timeoutMs: number, isReady: () => Promise<boolean>): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    if (await isReady().catch(() => false)) return Math.round(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`${what} within ${timeoutMs} ms:\n${appOutput.slice(-3000)}`);
}

const waitForHealthy = (timeoutMs: number) =>
  waitUntil("the app did not become healthy", timeoutMs, () => fetch(`${ORIGIN}/api/health`, { signal: AbortSignal.timeout(5_000) }).then((response) => response.ok));

/** How long until the server itself takes a connection and the app answers 200, measured side by side from now. */
async function measureRecovery(): Promise<{ serverMs: number; appMs: number }> {
  const [serverMs, appMs] = await Promise.all([
    waitUntil("PostgreSQL did not answer", 30_000, async () => {
      const rows = await sql<{ one: number }>("SELECT 1 AS one");
      return rows[0]?.one === 1;
    }),
    waitForHealthy(30_000),
  ]);
  return { serverMs, appMs };
}

/** The checks of a database that is away: API, page, health and a publish all answer 503 with Retry-After, in time. */
async function expectUnavailable(label: string, boundMs: number) {
  const [api, page, health, publish] = await Promise.all([
    probe("/api/v1/status-changes?limit=5"),
    probe(`/agreements/${slug}`),
    probe("/api/health"),
    probe("/api/v1/status-changes", publishRequest(`fault-${RUN}-probe-${label}`)),
  ]);
  for (const [name, answer] of Object.entries({ api, page, health, publish })) {
    expect(answer.status, `${label}: ${name} answered ${answer.status}: ${answer.body.slice(0, 300)}`).toBe(503);
    expect(answer.retryAfter, `${label}: ${name} has Retry-After`).toMatch(/^\d+$/);
    expect(answer.ms, `${label}: ${name} took ${Math.round(answer.ms)} ms`).toBeLessThan(boundMs);
  }
  expect(api.type).toContain("application/problem+json");
  expect(JSON.parse(api.body)).toMatchObject({ status: 503, code: "UNAVAILABLE" });
  expect(JSON.parse(publish.body).detail).toContain("nothing was saved");
  expect(page.type).toContain("text/html");
  expect(page.body).toContain("Temporarily unavailable");
  expect(page.body).toContain("nothing was saved");
  return { api: Math.round(api.ms), page: Math.round(page.ms), health: Math.round(health.ms), publish: Math.round(publish.ms) };
}

async function publishOnce(headline: string): Promise<void> {
  const answer = await probe("/api/v1/status-changes", publishRequest(headline));
  expect(answer.status, answer.body).toBe(201);
  acknowledgedDirectly.push({ headline, id: JSON.parse(answer.body).id });
}

function publishRequest(headline: string): RequestInit {
  return {
    method: "POST",
    headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
    body: JSON.stringify({
      subject: `agreement:${slug}`,
      status: "PROVISIONALLY_EXTENDED",
      headline,
      body: "Logged by the database fault test.",
      occurredOn: "2019-11-22",
      timeZone: "Asia/Seoul",
      direction: "DE_ESCALATION",
      intent: "publish",
      citations: [{ url: "https://www.example.org/fault-test/gsomia-extended", title: "GSOMIA extended", publisher: "Example Daily", quote: "Seoul extended the pact.", credibility: "2" }],
    }),
  };
}

test.describe("the database going away", () => {
  test.skip(!pgCluster.isAvailable(), "needs Debian's pg_createcluster and root (as in .ci/run)"); // skipped only off CI: these faults run on a private cluster, which needs pg_createcluster and root
  test.describe.configure({ timeout: 180_000 });

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    const setUpStarted = performance.now();
    cluster = await pgCluster.create(process.env.E2E_FAULT_CLUSTER ?? "pwfault_e2e", Number(process.env.E2E_FAULT_PG_PORT ?? 5442));
    await applyMigrations(cluster.url);
    const [user] = await sql<{ id: string }>(
      `INSERT INTO "User" (id, email, name, role, "updatedAt") VALUES (gen_random_uuid(), 'fault-analyst@example.org', 'Fault Analyst', 'ANALYST', now()) RETURNING id`,
    );
    await sql(`INSERT INTO "ApiToken" (id, "userId", name, "tokenHash", prefix) VALUES (gen_random_uuid(), $1, 'fault test', $2, $3)`, [
      user!.id,
      createHash("sha256").update(TOKEN).digest("hex"),
      TOKEN.slice(0, 10),
    ]);
    await sql(`INSERT INTO "Party" (id, code, name, kind, "updatedAt") VALUES (gen_random_uuid(), 'JPN', 'Japan', 'STATE', now()), (gen_random_uuid(), 'KOR', 'South Korea', 'STATE', now())`);
    app = spawn(process.execPath, ["scripts/serve.mjs"], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NODE_ENV: "production", PORT: String(PORT), HOST: "127.0.0.1", DATABASE_URL: cluster.url, DATABASE_POOL_SIZE: "4", AUTH_SECRET: randomBytes(32).toString("base64url"), PACTWATCH_EMBEDDED: "0",
        // This test publishes as fast as the machine allows to catch writes half-done by a fault; on a fast
        // machine that passes the 120-a-minute write limit, and a 429 would hide what is being tested.
        // The limits have their own tests (tests/limits/).
        RATE_LIMIT_WRITES_PER_MINUTE: "0" },
    });
    const keep = (chunk: Buffer) => (appOutput = (appOutput + chunk.toString()).slice(-20_000));
    app.stdout!.on("data", keep);
    app.stderr!.on("data", keep);
    await waitForHealthy(90_000);
    const created = await probe("/api/v1/agreements", {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ title: `Fault test pact ${RUN}`, kind: "SECURITY", partyCodes: ["JPN", "KOR"], signedOn: "2016-11-23", inForceOn: "2016-11-23", termMonths: 12, autoRenews: true, noticeDays: 90, timeZone: "Asia/Seoul" }),
    });
    expect(created.status, created.body).toBe(201);
    slug = JSON.parse(created.body).slug;
    console.log(`database faults: cluster, migrations and app up in ${Math.round(performance.now() - setUpStarted)} ms`);
  });

  test.afterAll(async () => {
    await cluster?.thaw().catch(() => {});
    if (app && app.exitCode === null) {
      const exited = new Promise((resolve) => app!.once("exit", resolve));
      app.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      app.kill("SIGKILL");
    }
    await cluster?.drop();
  });

  test("restart, stop and freeze under load: 503 with Retry-After in seconds, recovery without a restart, nothing half-written", async ({ page }) => {
    const measured: Record<string, number | Record<string, number>> = {};
    const load: TLoad = startLoad({ origin: ORIGIN, publishers: 3, readers: 3, publish: (n) => publishRequest(`fault-${RUN}-${n}`), readPaths: ["/api/v1/status-changes?limit=5", `/agreements/${slug}`, "/developments", "/api/health"] });
    let outcomes: TOutcome[] = [];
    try {
      await test.step("steady load", async () => {
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        expect(load.outcomes().filter((outcome) => outcome.status >= 400), "no failures before any fault").toEqual([]);
      });

      await test.step("restart", async () => {
        await cluster!.restart();
        measured.recoveryAfterRestart = await measureRecovery();
      });

      await test.step("stopped: API, page, health and publishes answer 503 with Retry-After", async () => {
        await cluster!.stop();
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        measured.stoppedMs = await expectUnavailable("stopped", 5_000);
        const response = await page.goto(`${ORIGIN}/agreements/${slug}`);
        expect(response!.status()).toBe(503);
        await expect(page.getByRole("heading", { name: "Temporarily unavailable" })).toBeVisible();
        // A form's server action says what happened where the form shows its outcome.
        await page.goto(`${ORIGIN}/sign-in`);
        await page.getByLabel("Email").fill("fault-analyst@example.org");
        await page.getByLabel("Password").fill("whatever it is, nothing answers");
        await page.getByRole("button", { name: "Sign in" }).click();
        await expect(page.getByRole("main").getByRole("alert")).toContainText("nothing was saved");
      });

      await test.step("started again: the app recovers without a restart", async () => {
        const started = performance.now();
        await cluster!.start();
        measured.serverStartMs = Math.round(performance.now() - started);
        measured.recoveryAfterStart = await measureRecovery();
        await publishOnce(`fault-${RUN}-after-start`);
      });

      await test.step("frozen: requests still answer 503 with Retry-After while the server is stopped in its tracks", async () => {
        await cluster!.freeze();
        const frozenAt = performance.now();
        try {
          measured.frozenMs = await expectUnavailable("frozen", ANSWER_BOUND_MS);
          // Again once the first stuck connections are gone: now new connections meet a frozen postmaster.
          measured.frozenLaterMs = await expectUnavailable("frozen, later", ANSWER_BOUND_MS);
          expect(cluster!.isFrozen(), "the probes were answered while the server was still frozen").toBe(true);
          // Frozen for longer than the bound, so a request that waited for the thaw counts as too slow below.
          await new Promise((resolve) => setTimeout(resolve, Math.max(0, frozenAt + ANSWER_BOUND_MS + 1_000 - performance.now())));
        } finally {
          await cluster!.thaw();
        }
        measured.recoveryAfterThaw = await measureRecovery();
        await publishOnce(`fault-${RUN}-after-thaw`);
      });
    } finally {
      outcomes = await load.stop();
    }

    await test.step("every request under load was answered in time, as 2xx or 503 with Retry-After", async () => {
      const wrong = outcomes.filter((outcome) => !(outcome.status < 300 || (outcome.status === 503 && outcome.retryAfter)));
      expect(wrong, `answers other than 2xx or 503 with Retry-After:\n${appOutput.slice(-3000)}`).toEqual([]);
      const slow = outcomes.filter((outcome) => outcome.ms >= ANSWER_BOUND_MS);
      expect(slow, "answers slower than the bound").toEqual([]);
      measured.requests = outcomes.length;
      measured.unavailable = outcomes.filter((outcome) => outcome.status === 503).length;
      measured.slowestMs = Math.round(Math.max(...outcomes.map((outcome) => outcome.ms)));
      expect(outcomes.filter((outcome) => outcome.kind === "publish" && outcome.status === 201).length, "publishes succeeded between the faults").toBeGreaterThan(0);
    });

    await test.step("integrity in SQL: each acknowledged publish once and whole, nothing half-written", async () => {
      const rows = await sql<{ id: string; headline: string; state: string; citations: number; logged: number; published: number; revisions: number }>(
        `SELECT sc.id, sc.headline, sc.state::text AS state,
           (SELECT count(*)::int FROM "Citation" c WHERE c."statusChangeId" = sc.id) AS citations,
           (SELECT count(*)::int FROM "AuditEvent" a WHERE a."entityType" = 'StatusChange' AND a."entityId" = sc.id::text AND a.action = 'status-change:log') AS logged,
           (SELECT count(*)::int FROM "AuditEvent" a WHERE a."entityType" = 'StatusChange' AND a."entityId" = sc.id::text AND a.action = 'status-change:publish') AS published,
           (SELECT count(*)::int FROM "Revision" r WHERE r."entityType" = 'StatusChange' AND r."entityId" = sc.id) AS revisions
         FROM "StatusChange" sc WHERE sc.headline LIKE $1`,
        [`fault-${RUN}-%`],
      );
      const byHeadline = new Map<string, typeof rows>();
      for (const row of rows) byHeadline.set(row.headline, [...(byHeadline.get(row.headline) ?? []), row]);
      const acknowledged = [
        ...outcomes.filter((outcome) => outcome.kind === "publish" && outcome.status === 201).map((outcome) => ({ headline: outcome.headline!, id: outcome.id! })),
        ...acknowledgedDirectly,
      ];
      for (const { headline, id } of acknowledged) {
        const stored = byHeadline.get(headline) ?? [];
        expect(stored.map((row) => row.id), `acknowledged ${headline} is stored once, as acknowledged`).toEqual([id]);
      }
      // Unacknowledged publishes may exist (the commit can beat the lost answer), but only whole.
      for (const row of rows) {
        expect(byHeadline.get(row.headline)!.length, `${row.headline} stored once`).toBe(1);
        expect({ state: row.state, citations: row.citations, logged: row.logged, published: row.published, revisions: row.revisions }, `${row.headline} is whole`).toEqual({
          state: "PUBLISHED",
          citations: 1,
          logged: 1,
          published: 1,
          revisions: 1,
        });
      }
      const [leftovers] = await sql<{ count: number }>(`SELECT count(*)::int AS count FROM pg_stat_activity WHERE application_name = 'pactwatch-app' AND state LIKE 'idle in transaction%'`);
      expect(leftovers!.count, "no app connection is left inside a transaction").toBe(0);
      measured.acknowledgedPublishes = acknowledged.length;
      measured.storedPublishes = rows.length;
    });

    test.info().annotations.push({ type: "measured", description: JSON.stringify(measured) });
    console.log(`database faults measured: ${JSON.stringify(measured)}`);
  });
});
