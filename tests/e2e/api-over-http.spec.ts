import http from "node:http";
import { expect, test } from "@playwright/test";
import { PROBLEM_TYPE_LIST } from "../../lib/domain/problem-types";
import { withAppDatabase } from "./admin-database";
import { signInAs } from "./fixtures";

// The API over a real server (production build): a page on another port of the same host cannot
// write with the visitor's session (issue 10 item 2); problem types resolve to pages, unknown
// paths and wrong methods answer problem+json, reads carry ETags (issue 11 items 3 and 4).

const attackerPort = Number(process.env.E2E_PORT ?? 3100) + 1;

function logBody(headline: string) {
  return {
    subject: "agreement:gsomia",
    status: "SUSPENDED",
    headline,
    occurredOn: "2020-01-10",
    timeZone: "Asia/Seoul",
    direction: "ESCALATION",
    intent: "publish",
    citations: [{ url: `https://example.org/report/${encodeURIComponent(headline)}`, title: "Report", publisher: "Wire", credibility: 3 }],
  };
}

async function changesHeadlined(headline: string): Promise<number> {
  const { rows } = await withAppDatabase((client) => client.query<{ count: string }>(`SELECT count(*) AS count FROM "StatusChange" WHERE headline = $1`, [headline]));
  return Number(rows[0]!.count);
}

/** A page on another port of the same host that posts to the API the way that needs no CORS preflight. */
function startAttackerPage(target: string, headline: string): Promise<http.Server> {
  const html = `<!doctype html><title>Elsewhere</title><p id="status">sending</p><script>
    fetch(${JSON.stringify(`${target}/api/v1/status-changes`)}, { method: "POST", mode: "no-cors", credentials: "include",
      headers: { "content-type": "text/plain;charset=application/json" }, body: ${JSON.stringify(JSON.stringify(logBody(headline)))} })
      .then(() => { document.getElementById("status").textContent = "sent"; }, () => { document.getElementById("status").textContent = "sent"; });
  </script>
  <form id="form" method="post" enctype="text/plain" action=${JSON.stringify(`${target}/api/v1/status-changes`)}><input name='{"a":"' value='"}'></form>`;
  const server = http.createServer((_request, response) => response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html));
  return new Promise((resolve) => server.listen(attackerPort, "127.0.0.1", () => resolve(server)));
}

test("a page on another port of the same host cannot write with the visitor's session; the app's own pages can", async ({ page, baseURL }) => {
  await signInAs(page, "analyst");
  const headline = `Cross-site write ${Date.now()}`;
  const attacker = await startAttackerPage(baseURL!, headline);
  try {
    const refused = page.waitForResponse((response) => response.url().endsWith("/api/v1/status-changes") && response.request().method() === "POST");
    await page.goto(`http://127.0.0.1:${attackerPort}/`);
    await expect(page.locator("#status")).toHaveText("sent");
    expect((await refused).status()).toBe(403);
    expect(await changesHeadlined(headline)).toBe(0);
    // A plain form post (text/plain, a navigation, cookie attached): refused too, as problem+json.
    const navigation = page.waitForResponse((response) => response.url().endsWith("/api/v1/status-changes"));
    await page.locator("#form").evaluate((form: HTMLFormElement) => form.submit());
    expect((await navigation).status()).toBe(403);
    await page.waitForURL(/\/api\/v1\/status-changes$/);
    expect(await changesHeadlined(headline)).toBe(0);
  } finally {
    await new Promise((resolve) => attacker.close(resolve));
  }
  // From the app's own origin the same session writes (fetch sends Origin and Sec-Fetch-Site: same-origin).
  await page.goto("/");
  const own = `Same-origin write ${Date.now()}`;
  const status = await page.evaluate(async (body) => (await fetch("/api/v1/status-changes", { method: "POST", headers: { "content-type": "application/json" }, body })).status, JSON.stringify(logBody(own)));
  expect(status).toBe(201);
  expect(await changesHeadlined(own)).toBe(1);
});

test("every problem type URL opens its methodology page, and the API's errors link to them", async ({ request, baseURL }) => {
  const unknown = await request.get("/api/v1/no-such-thing/here");
  expect(unknown.status()).toBe(404);
  expect(unknown.headers()["content-type"]).toBe("application/problem+json");
  const problem = (await unknown.json()) as { type: string };
  expect(problem.type).toBe(`${baseURL}/methodology/problems/not-found`);
  const wrongMethod = await request.put("/api/v1/agreements", { data: {} });
  expect(wrongMethod.status()).toBe(405);
  expect(wrongMethod.headers().allow).toBe("GET, HEAD, POST, OPTIONS");
  expect(wrongMethod.headers()["content-type"]).toBe("application/problem+json");
  for (const type of PROBLEM_TYPE_LIST) {
    const response = await request.get(`${baseURL}/methodology/problems/${type.slug}`);
    expect(response.status(), type.slug).toBe(200);
    expect(await response.text()).toContain(type.title.replaceAll("'", "&#x27;"));
  }
  expect((await request.get("/methodology/problems/no-such-problem")).status()).toBe(404);
});

test("reads carry an ETag that answers 304, and Cache-Control says who may keep them", async ({ request }) => {
  const first = await request.get("/api/v1/agreements/gsomia");
  const etag = first.headers().etag!;
  expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
  expect(first.headers()["cache-control"]).toBe("public, max-age=60");
  expect(first.headers().vary).toContain("Cookie");
  const again = await request.get("/api/v1/agreements/gsomia", { headers: { "if-none-match": etag } });
  expect(again.status()).toBe(304);
  const list = await request.get("/api/v1/status-changes?agreement=gsomia&limit=3");
  expect(list.headers().link).toMatch(/^<http:\/\/127\.0\.0\.1:\d+\/api\/v1\/status-changes\?agreement=gsomia&limit=3&cursor=[^>]+>; rel="next"$/);
});
