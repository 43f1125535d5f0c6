import { expect, test } from "@playwright/test";

// The API reference works offline and under the app's nonce-based CSP (decision 021): every
// request the page makes stays on our origin (anything else is aborted and recorded, as it would
// fail offline), no policy violation is reported, and Swagger UI renders the operations.
test("a reader follows the footer to the API reference, which renders offline from our own origin", async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const offOrigin: string[] = [];
  await page.context().route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
    offOrigin.push(url);
    return route.abort("internetdisconnected");
  });
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || /Content.Security.Policy|Refused to/i.test(message.text())) problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(String(error)));

  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "the API reference" }).click();
  await expect(page).toHaveURL(/\/api\/docs$/);
  await expect(page.getByRole("heading", { level: 1, name: "API reference" })).toBeVisible();
  const policy = (await page.request.get("/api/docs")).headers()["content-security-policy"] ?? "";
  expect(policy).toContain("'nonce-");
  expect(policy).not.toContain("'unsafe-inline' 'strict-dynamic'");

  // Swagger UI has read /api/v1/openapi.json and drawn the operations, grouped by tag.
  const listAgreements = page.locator(".opblock").filter({ hasText: "/api/v1/agreements" }).filter({ hasText: "List agreements" });
  await expect(listAgreements.first()).toBeVisible({ timeout: 20_000 });
  await listAgreements.first().locator(".opblock-summary").click();
  // Expanded, it shows its query parameters and its error responses, from the generated document.
  const expanded = listAgreements.first();
  await expect(expanded.locator(".parameters")).toContainText("limit");
  await expect(expanded.locator(".responses-table").first()).toContainText("422");
  await expect(page.locator(".opblock").filter({ hasText: "/api/v1/status-changes" }).first()).toBeVisible();

  expect(offOrigin, "requests that left our origin (they fail offline)").toEqual([]);
  expect(problems, "console errors and CSP violations").toEqual([]);
});
