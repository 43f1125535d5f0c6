import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { applyMigrations } from "../../prisma/tooling/migrations";
import { startNginx, type TNginx } from "./nginx-proxy";
import { assertCanCreateClusters, clusterOf, createPrimary, createReplica, dropCluster, query, waitForReplay } from "./postgres-clusters";

// As in production (issue 10 item 8, docs/decisions/019): two `npm start` processes of the
// production build behind Debian's nginx (round-robin, TRUSTED_PROXY_HOPS=1) on one PostgreSQL
// primary, reading from a streaming replica this test builds with pg_basebackup -R. Everything
// goes through nginx; its X-Upstream header says which process answered.

const primary = clusterOf("pwprimary", Number(process.env.E2E_PRIMARY_PG_PORT ?? 5452));
const replica = clusterOf("pwreplica", Number(process.env.E2E_REPLICA_PG_PORT ?? 5453));
const APP_PORTS = [Number(process.env.E2E_INSTANCE_PORT ?? 3140), Number(process.env.E2E_INSTANCE_PORT ?? 3140) + 1] as const;
const NGINX_PORT = Number(process.env.E2E_NGINX_PORT ?? 3146);
const DATABASE = "pactwatch";
const EMAIL = "replica-analyst@example.org";
// Guessed at by the sign-in limit test, so it is refused for a minute afterwards.
const GUESSED_EMAIL = "replica-guessed@example.org";
const PASSWORD = "two instances, one record";
const PROXY_WARNING = "TRUSTED_PROXY_HOPS=0";

type TInstance = { port: number; child: ChildProcess; output: () => string };

let nginx: TNginx | undefined;
let workDirectory = "";
const instances: TInstance[] = [];

/** An analyst account, made by the command an operator would use. */
function createUser(email: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "-s", "user:create", "--", "--email", email, "--role", "analyst"], { env: { ...process.env, DATABASE_URL: primary.url(DATABASE) }, stdio: ["pipe", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.end(`${PASSWORD}\n`);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`user:create ${email} failed (${code}): ${stderr}`))));
  });
}

function startInstance(port: number, secret: string): TInstance {
  const child = spawn("npm", ["start"], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      DATABASE_URL: primary.url(DATABASE),
      DATABASE_REPLICA_URL: replica.url(DATABASE),
      DATABASE_POOL_SIZE: "3",
      AUTH_SECRET: secret,
      PORT: String(port),
      HOST: "127.0.0.1",
      TRUSTED_PROXY_HOPS: "1",
      PUBLIC_URL: `http://127.0.0.1:${NGINX_PORT}`,
      PACTWATCH_DATA_DIR: path.join(workDirectory, `data-${port}`),
    },
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return { port, child, output: () => output };
}

async function waitForHealth(instance: TInstance): Promise<void> {
  for (let attempt = 0; attempt < 240; attempt++) {
    if (instance.child.exitCode !== null) throw new Error(`the app on ${instance.port} exited: ${instance.output()}`);
    if (await fetch(`http://127.0.0.1:${instance.port}/api/health`).then((response) => response.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the app on ${instance.port} did not come up: ${instance.output()}`);
}

/** The page's main heading as text. */
const headingOf = (html: string) => /<h1\b[^>]*>(.*?)<\/h1>/s.exec(html)?.[1]?.replace(/<[^>]+>/g, "");

const upstreamOf = (response: APIResponse | { headers(): Record<string, string> }) => response.headers()["x-upstream"];
const appPort = (upstream: string | undefined) => Number(upstream?.split(":").at(-1));

/** Signs in through nginx's form and returns the app port that handled the sign-in action. */
async function submitSignIn(page: Page, password: string, email = EMAIL): Promise<number> {
  await page.goto(`${nginx!.origin}/sign-in?callbackUrl=%2Faccount`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  const action = page.waitForResponse((response) => response.request().method() === "POST" && new URL(response.url()).pathname === "/sign-in");
  await page.getByRole("button", { name: "Sign in" }).click();
  return appPort(upstreamOf(await action));
}

/** GETs `url` through nginx until each app process has answered once; returns the answers by port. */
async function fromEachInstance(get: () => Promise<APIResponse>): Promise<Map<number, APIResponse>> {
  const answers = new Map<number, APIResponse>();
  for (let attempt = 0; attempt < 10 && answers.size < APP_PORTS.length; attempt++) {
    const response = await get();
    const port = appPort(upstreamOf(response));
    if (!answers.has(port)) answers.set(port, response);
  }
  expect([...answers.keys()].sort()).toEqual([...APP_PORTS]);
  return answers;
}

/** Same-origin JSON for cookie-authenticated API writes through nginx. */
const jsonWrite = (data: unknown) => ({ data, headers: { "content-type": "application/json", origin: `http://127.0.0.1:${NGINX_PORT}` } });

test.describe("two app processes behind nginx, reading from a streaming replica", () => {
  test.describe.configure({ mode: "serial", timeout: 60_000 });

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    assertCanCreateClusters();
    const started = Date.now();
    workDirectory = fs.mkdtempSync(path.join(os.tmpdir(), "pactwatch-e2e-replica-"));
    const step = (name: string) => console.log(`[two instances and a replica] ${name} at ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await createPrimary(primary.name, primary.port);
    await query(primary.url("postgres"), `CREATE DATABASE "${DATABASE}"`);
    await applyMigrations(primary.url(DATABASE));
    step("primary migrated");
    // Migrated first, so the app processes find nothing to migrate and may start together
    // (the ISO states load with skipDuplicates); the standby follows from the migrated primary
    // meanwhile, and the apps connect to it only when someone reads.
    const secret = randomBytes(32).toString("base64url");
    const replicaMade = createReplica(replica.name, replica.port, primary);
    const usersMade = Promise.all([EMAIL, GUESSED_EMAIL].map((email) => createUser(email)));
    for (const port of APP_PORTS) instances.push(startInstance(port, secret));
    await Promise.all([replicaMade.then(() => step("standby streaming")), usersMade, ...instances.map((instance) => waitForHealth(instance).then(() => step(`app on ${instance.port} healthy`)))]);
    nginx = await startNginx(path.join(workDirectory, "nginx"), NGINX_PORT, APP_PORTS);
    await waitForReplay(primary.url(DATABASE), replica.url(DATABASE));
    console.log(`[two instances and a replica] clusters, migrations, two app processes and nginx up in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });

  test.afterAll(async () => {
    await nginx?.stop();
    for (const { child } of instances) if (child.pid && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
    await Promise.all(instances.map(({ child }) => (child.exitCode !== null ? undefined : new Promise((resolve) => { child.once("exit", resolve); setTimeout(resolve, 8_000); }))));
    dropCluster(replica.name);
    dropCluster(primary.name);
    if (workDirectory) fs.rmSync(workDirectory, { recursive: true, force: true });
  });

  test("the standby is streaming from the primary", async () => {
    const [standby] = await query<{ recovering: boolean }>(replica.url(DATABASE), "SELECT pg_is_in_recovery() AS recovering");
    expect(standby!.recovering).toBe(true);
    const senders = await query<{ state: string }>(primary.url("postgres"), "SELECT state FROM pg_stat_replication");
    expect(senders.map((sender) => sender.state)).toEqual(["streaming"]);
  });

  test("a session started on one process works on the other", async ({ page }) => {
    await submitSignIn(page, PASSWORD);
    await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
    const answers = await fromEachInstance(() => page.request.get(`${nginx!.origin}/account`, { maxRedirects: 0 }));
    for (const response of answers.values()) {
      expect(response.status()).toBe(200);
      expect(await response.text()).toContain(EMAIL);
    }
  });

  test("failed sign-ins count across both processes, by the client address nginx appended", async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const ports = new Set<number>();
    for (let attempt = 0; attempt < 5; attempt++) {
      // A client cannot pick its own address: with one trusted hop the app takes nginx's entry.
      await page.setExtraHTTPHeaders({ "x-forwarded-for": `203.0.113.${attempt + 1}` });
      ports.add(await submitSignIn(page, `wrong guess number ${attempt}`, GUESSED_EMAIL));
      await expect(page.getByRole("main").getByRole("alert")).toHaveText("Wrong email or password.");
      // nginx takes turns per request, and a sign-in is as many requests each time (page, post,
      // the assets the browser has not kept yet): an extra request after every other attempt
      // shifts the turns, so the attempts reach both processes whether that number is odd or even.
      if (ports.size === 1 && attempt % 2 === 0) await page.request.get(`${nginx!.origin}/api/health`);
    }
    expect([...ports].sort()).toEqual([...APP_PORTS]);
    await submitSignIn(page, PASSWORD, GUESSED_EMAIL);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(/^Too many failed sign-ins\. Try again in \d+ s\.$/);
    await context.close();
    // The client was 127.0.0.1; nginx itself connects from 127.0.0.2 (proxy_bind), and the
    // spoofed addresses were the client's own words.
    const keys = (await query<{ key: string }>(primary.url(DATABASE), `SELECT key FROM "RateLimit" WHERE key LIKE 'sign-in:%'`)).map((row) => row.key);
    expect(keys.some((key) => key.endsWith("|127.0.0.1") || key.endsWith(":127.0.0.1"))).toBe(true);
    expect(keys.filter((key) => key.includes("203.0.113.") || key.includes("127.0.0.2"))).toEqual([]);
    for (const instance of instances) expect(instance.output()).not.toContain(PROXY_WARNING);
  });

  test("writes on one process are read back by the writer on the other at once, by readers from the replica once it has replayed them, and a stale edit conflicts across processes", async ({ page, request }) => {
    await submitSignIn(page, PASSWORD);
    await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
    const title = `Replica Accord ${randomBytes(3).toString("hex")}`;
    const created = await page.request.post(`${nginx!.origin}/api/v1/agreements`, jsonWrite({ title, kind: "TRADE", partyCodes: ["JPN", "KOR"], timeZone: "Asia/Tokyo" }));
    expect(created.status(), await created.text()).toBe(201);
    const { slug, version } = (await created.json()) as { slug: string; version: number };
    await waitForReplay(primary.url(DATABASE), replica.url(DATABASE));

    // Freeze the standby: from now on, whatever it serves predates the edit below.
    await query(replica.url(DATABASE), "SELECT pg_wal_replay_pause()");
    try {
      const edited = await page.request.patch(`${nginx!.origin}/api/v1/agreements/${slug}`, jsonWrite({ title: `${title} (amended)`, version }));
      expect(edited.status(), await edited.text()).toBe(200);
      const editedOn = appPort(upstreamOf(edited));

      // The writer sees the edit at once on both processes, the other one included (read-your-writes).
      const writerReads = await fromEachInstance(() => page.request.get(`${nginx!.origin}/agreements/${slug}`));
      expect([...writerReads.keys()]).toContain(APP_PORTS.find((port) => port !== editedOn));
      for (const response of writerReads.values()) expect(headingOf(await response.text())).toBe(`${title} (amended)`);

      // An anonymous reader is served by the paused replica on both processes: still the old title.
      const readerReads = await fromEachInstance(() => request.get(`${nginx!.origin}/agreements/${slug}`));
      for (const response of readerReads.values()) {
        expect(response.status()).toBe(200);
        expect(headingOf(await response.text())).toBe(title);
      }
      // Asked again, each process answers from its page cache: the replica's version has not moved.
      const again = await fromEachInstance(() => request.get(`${nginx!.origin}/agreements/${slug}`));
      for (const response of again.values()) expect(response.headers()["x-pactwatch-cache"]).toBe("hit");
      const replicaClients = await query<{ count: number }>(replica.url("postgres"), "SELECT count(*)::int AS count FROM pg_stat_activity WHERE application_name = 'pactwatch-app-replica'");
      expect(replicaClients[0]!.count).toBeGreaterThan(0);

      // A stale edit sent to the other process is refused: the check runs on the primary.
      let stale = await page.request.patch(`${nginx!.origin}/api/v1/agreements/${slug}`, jsonWrite({ title: `${title} (overwritten)`, version }));
      for (let attempt = 0; attempt < 4 && appPort(upstreamOf(stale)) === editedOn; attempt++) {
        expect(stale.status()).toBe(409);
        stale = await page.request.patch(`${nginx!.origin}/api/v1/agreements/${slug}`, jsonWrite({ title: `${title} (overwritten)`, version }));
      }
      expect(appPort(upstreamOf(stale))).not.toBe(editedOn);
      expect(stale.status()).toBe(409);
    } finally {
      await query(replica.url(DATABASE), "SELECT pg_wal_replay_resume()");
    }

    // Replay resumed: readers on both processes see the edit (and never the refused overwrite).
    await expect
      .poll(async () => {
        const answers = await fromEachInstance(() => request.get(`${nginx!.origin}/api/v1/agreements/${slug}`));
        return Promise.all([...answers.values()].map(async (response) => ((await response.json()) as { data: { title: string } }).data.title));
      }, { timeout: 20_000 })
      .toEqual([`${title} (amended)`, `${title} (amended)`]);
    // Each process kept the page it served a signed-out reader from the paused replica (its page
    // cache, decision 024); the published version moved with the replay, so neither serves it again.
    const pages = await fromEachInstance(() => request.get(`${nginx!.origin}/agreements/${slug}`));
    for (const response of pages.values()) {
      expect(response.headers()["x-pactwatch-cache"]).toBe("miss");
      expect(headingOf(await response.text())).toBe(`${title} (amended)`);
    }
  });
});
