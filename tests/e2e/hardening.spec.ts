import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, request as playwrightRequest, test, type Page } from "@playwright/test";
import { demoAccount, signInAs, signOut } from "./fixtures";

// Headers, sessions and sign-in as an attacker would probe them, against the production build
// (issue 10 items 1 and 7). The last group starts a second server (port E2E_PORT+1) with an https
// PUBLIC_URL and PUBLIC_READ=false.

function directives(policy: string | null): Record<string, string> {
  return Object.fromEntries((policy ?? "").split(";").map((part) => part.trim()).filter(Boolean).map((part) => [part.split(" ")[0], part.split(" ").slice(1).join(" ")]));
}

async function recordViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    (window as unknown as { violations: string[] }).violations = [];
    document.addEventListener("securitypolicyviolation", (event) => (window as unknown as { violations: string[] }).violations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
}

test("pages carry a nonce-based CSP that forbids framing, and their own scripts run under it", async ({ page }) => {
  await recordViolations(page);
  const response = await page.goto("/agreements/gsomia");
  const policy = directives(response!.headers()["content-security-policy"] ?? null);
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy["script-src"] ?? "")?.[1];
  expect(nonce).toBeTruthy();
  expect(policy["script-src"]).not.toContain("unsafe-inline");
  expect(policy["frame-ancestors"]).toBe("'none'");
  expect(policy["object-src"]).toBe("'none'");
  // Every script Next.js wrote carries this response's nonce.
  const html = await response!.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
  // The page hydrated (client navigation works) and nothing was blocked.
  await page.getByRole("banner").getByRole("link", { name: "Methodology" }).click();
  await expect(page).toHaveURL(/\/methodology$/);
  expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
  const again = await page.request.get("/agreements/gsomia");
  expect(again.headers()["content-security-policy"]).not.toContain(`'nonce-${nonce}'`);
  // Without an https PUBLIC_URL there is no HSTS (a plain-http install must stay reachable).
  expect(response!.headers()["strict-transport-security"]).toBeUndefined();
});

test("sign-in never leaves the site, whatever callbackUrl says", async ({ page }) => {
  const analyst = demoAccount("analyst");
  for (const callbackUrl of ["/\t/evil.example", "//evil.example", "/\\evil.example", "https://evil.example/", "/%09/evil.example"]) {
    await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    await page.getByLabel("Email").fill(analyst.email);
    await page.getByLabel("Password").fill(analyst.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("banner").getByRole("link", { name: new RegExp(analyst.name) })).toBeVisible();
    expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host);
    // Signed in, the sign-in page redirects straight away: still to our own origin.
    const response = await page.request.get(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`, { maxRedirects: 0 });
    expect(response.status()).toBe(307);
    expect(response.headers().location).toMatch(/^\/(?![/\\])/);
    await signOut(page);
  }
  const newline = await page.request.get(`/sign-in?callbackUrl=${encodeURIComponent("/\n/evil.example")}`, { maxRedirects: 0 });
  expect(newline.status()).toBe(200);
});

test("a failed sign-in never sends the password back", async ({ page, browser }) => {
  const typed = "typed-secret-5150-never-echoed";
  // Without JavaScript the form posts, and the answer is the page itself, its state included.
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await plain.goto("/sign-in");
  await plain.getByLabel("Email").fill("analyst@pactwatch.test");
  await plain.getByLabel("Password").fill(typed);
  await plain.getByRole("button", { name: "Sign in" }).click();
  await expect(plain.getByText("Wrong email or password.")).toBeVisible();
  await expect(plain.getByLabel("Email")).toHaveValue("analyst@pactwatch.test");
  expect(await plain.content()).toContain("analyst@pactwatch.test");
  expect(await plain.content()).not.toContain(typed);
  await noScript.close();
  // With JavaScript, neither the page nor the action's answer carries it.
  await page.goto("/sign-in");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Email").fill("analyst@pactwatch.test");
  await page.getByLabel("Password").fill(typed);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Wrong email or password.")).toBeVisible();
  expect(await page.content()).not.toContain(typed);
});

test("signing out ends the session on the server: a copied cookie stops working", async ({ page, baseURL }) => {
  await signInAs(page, "analyst");
  const copied = (await page.context().cookies()).find((cookie) => cookie.name === "pactwatch.session-token")!;
  expect(copied).toBeDefined();
  const thief = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { cookie: `${copied.name}=${copied.value}` } });
  expect((await thief.get("/account", { maxRedirects: 0 })).status()).toBe(200);
  await signOut(page);
  const refused = await thief.get("/account", { maxRedirects: 0 });
  expect(refused.status()).toBe(307);
  expect(refused.headers().location).toMatch(/^\/sign-in/);
  await thief.dispose();
});

test("sign out everywhere on /account ends the account's other sessions", async ({ browser }) => {
  const [laptop, phone] = [await browser.newContext(), await browser.newContext()];
  const [onLaptop, onPhone] = [await laptop.newPage(), await phone.newPage()];
  await signInAs(onLaptop, "reader");
  await signInAs(onPhone, "reader");
  await onLaptop.goto("/account");
  await onLaptop.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(onLaptop).toHaveURL(/\/sign-in/);
  await onPhone.goto("/account");
  await expect(onPhone).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount/);
  await Promise.all([laptop.close(), phone.close()]);
});

test.describe("behind https with PUBLIC_READ=false", () => {
  test.describe.configure({ timeout: 240_000 });
  const port = Number(process.env.E2E_PORT ?? 3100) + 1;
  const origin = `http://127.0.0.1:${port}`;
  let server: ChildProcess | undefined;
  let dataDir = "";

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pactwatch-e2e-https-"));
    server = spawn("npm", ["start"], {
      detached: true,
      stdio: "ignore",
      env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: "", PACTWATCH_DATA_DIR: dataDir, PUBLIC_URL: "https://pactwatch.example.org", PUBLIC_READ: "false" },
    });
    for (let attempt = 0; attempt < 220; attempt++) {
      const ok = await fetch(`${origin}/api/health`).then((response) => response.ok, () => false);
      if (ok) return;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    throw new Error("the second server did not start");
  });

  test.afterAll(async () => {
    if (server?.pid) process.kill(-server.pid, "SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test("sends HSTS and Secure cookies, an empty 307 to sign-in, and private feeds", async ({ page }) => {
    const anonymous = await fetch(`${origin}/methodology`, { redirect: "manual" });
    expect(anonymous.status).toBe(307);
    expect(new URL(anonymous.headers.get("location")!, origin).href).toBe(`${origin}/sign-in?callbackUrl=%2Fmethodology`);
    // Next.js writes the target as the redirect's text; nothing of the page itself.
    const body = await anonymous.text();
    expect(body.length).toBeLessThan(200);
    expect(body).not.toMatch(/<html|<body|Which links you can trust|Statuses/i);
    expect(anonymous.headers.get("strict-transport-security")).toMatch(/^max-age=\d{8,}; includeSubDomains$/);

    const signInPage = await page.goto(`${origin}/sign-in`);
    expect(signInPage!.headers()["strict-transport-security"]).toMatch(/^max-age=/);
    expect(directives(signInPage!.headers()["content-security-policy"] ?? null)["upgrade-insecure-requests"]).toBe("");
    const reader = demoAccount("reader");
    await page.getByLabel("Email").fill(reader.email);
    await page.getByLabel("Password").fill(reader.password);
    const [answer] = await Promise.all([
      page.waitForResponse((response) => response.request().method() === "POST" && response.url().includes("/sign-in")),
      page.getByRole("button", { name: "Sign in" }).click(),
    ]);
    const setCookie = (await answer.headersArray()).filter((header) => header.name.toLowerCase() === "set-cookie").map((header) => header.value).join("\n");
    expect(setCookie).toMatch(/pactwatch\.session-token=[^;]+;.*\bSecure\b/i);
    expect(setCookie).toMatch(/HttpOnly/i);
    const session = /pactwatch\.session-token=([^;]+)/.exec(setCookie)![1]!;

    const feed = await fetch(`${origin}/feeds/developments.atom`, { headers: { cookie: `pactwatch.session-token=${session}` } });
    expect(feed.status).toBe(200);
    expect(feed.headers.get("cache-control")).toBe("private, no-store");
    expect((await fetch(`${origin}/feeds/developments.atom`)).status).toBe(401);
  });
});
