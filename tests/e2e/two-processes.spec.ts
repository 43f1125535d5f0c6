import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { applyMigrations } from "../../prisma/tooling/migrations";

// Two app processes on one PostgreSQL database behave as one (SPEC §6, §7): a session made by
// one is honoured by the other, and failed sign-ins count across both. The processes are the
// production build served by scripts/serve.mjs, as `npm start` runs it.

const SERVER_URL = process.env.E2E_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const DATABASE = `pactwatch_e2e_two_${randomBytes(4).toString("hex")}`;
const PORTS = [3501, 3502] as const;
const ORIGINS = PORTS.map((port) => `http://127.0.0.1:${port}`);
const EMAIL = "two-processes@example.org";
const PASSWORD = "one session, two processes";
const processes: ChildProcess[] = [];

function databaseUrl(): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${DATABASE}`;
  return url.toString();
}

async function onServer(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER_URL, connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function waitForHealth(origin: string): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt++) {
    if (await fetch(`${origin}/api/health`).then((response) => response.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the app at ${origin} did not come up`);
}

async function submitSignIn(page: Page, origin: string, password: string): Promise<void> {
  await page.goto(`${origin}/sign-in?callbackUrl=%2Faccount`);
  await page.getByLabel("Email").fill(EMAIL);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test.describe("two app processes on one database", () => {
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    await onServer(`CREATE DATABASE "${DATABASE}"`);
    await applyMigrations(databaseUrl());
    const created = spawnSync("npm", ["run", "-s", "user:create", "--", "--email", EMAIL, "--role", "analyst"], {
      input: `${PASSWORD}\n`,
      env: { ...process.env, DATABASE_URL: databaseUrl() },
      encoding: "utf8",
    });
    expect(created.status, created.stderr).toBe(0);
    const secret = randomBytes(32).toString("base64url");
    for (const port of PORTS) {
      processes.push(
        spawn(process.execPath, ["scripts/serve.mjs"], {
          stdio: "ignore",
          env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: databaseUrl(), DATABASE_POOL_SIZE: "3", AUTH_SECRET: secret, PACTWATCH_EMBEDDED: "0" },
        }),
      );
    }
    await Promise.all(ORIGINS.map(waitForHealth));
  });

  test.afterAll(async () => {
    for (const child of processes) child.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await onServer(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`);
  });

  test("a session made by one process is honoured by the other", async ({ page }) => {
    await submitSignIn(page, ORIGINS[0]!, PASSWORD);
    await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
    await page.goto(`${ORIGINS[1]}/account`);
    await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
    await expect(page.getByText(EMAIL)).toBeVisible();
  });

  test("failed sign-ins count across both processes", async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    for (let attempt = 0; attempt < 5; attempt++) {
      await submitSignIn(page, ORIGINS[attempt % 2]!, `wrong guess number ${attempt}`);
      await expect(page.getByRole("main").getByRole("alert")).toHaveText("Wrong email or password.");
    }
    await submitSignIn(page, ORIGINS[1]!, PASSWORD);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(/^Too many failed sign-ins\. Try again in \d+ s\.$/);
    await context.close();
  });
});
