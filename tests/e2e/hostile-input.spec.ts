import { expect, test, type APIRequestContext } from "@playwright/test";
import { signInAs } from "./fixtures";

// Issue 10 items 2 and 4 against the production build: a server action posted from another
// origin is a 403 with a clear message (Next.js refused it with a 500), and addresses that used
// to answer 500 (broken percent-encoding, NUL in a path or a search, ids of 36 dashes) do not.

const DASHES = "-".repeat(36);

/** The hidden fields React writes into the sign-in form for its server action (no-JS submission). */
async function signInActionFields(request: APIRequestContext): Promise<Record<string, string>> {
  const html = await (await request.get("/sign-in")).text();
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="(\$ACTION[^"]*)"(?: value="([^"]*)")?\/?>/g)) {
    fields[match[1]!] = (match[2] ?? "").replaceAll("&quot;", '"').replaceAll("&amp;", "&");
  }
  expect(Object.keys(fields).length).toBeGreaterThan(0);
  return { ...fields, email: "reader@pactwatch.test", password: "not the password" };
}

test("a server action posted from another origin is refused with 403 and says why", async ({ request, baseURL }) => {
  const fields = await signInActionFields(request);
  for (const origin of ["http://evil.example", "null", `http://127.0.0.1:${Number(new URL(baseURL!).port) + 7}`]) {
    const response = await request.post("/sign-in", { multipart: fields, headers: { origin }, maxRedirects: 0 });
    expect(response.status(), origin).toBe(403);
    expect(await response.text()).toContain("sent from another site");
  }
  // The fetch form of the same action (what the page's JavaScript sends), cross-origin.
  const actionId = /"id":"([0-9a-f]+)"/.exec(fields["$ACTION_1:0"] ?? "")?.[1];
  expect(actionId).toBeTruthy();
  const fetched = await request.post("/sign-in", { headers: { origin: "http://evil.example", "next-action": actionId!, "content-type": "text/plain;charset=UTF-8" }, data: "[null,{}]" });
  expect(fetched.status()).toBe(403);
  // From our own origin the same post is an ordinary failed sign-in.
  const own = await request.post("/sign-in", { multipart: fields, headers: { origin: new URL(baseURL!).origin }, maxRedirects: 0 });
  expect(own.status()).toBe(200);
  expect(await own.text()).toContain("sign");
});

test("addresses and searches that answered 500 answer 400 or 404, or the page", async ({ request }) => {
  for (const [path, status] of [
    ["/agreements/%C0", 400],
    ["/agreements/%", 400],
    ["/agreements/a%00b", 400],
    ["/api/v1/agreements/%00", 400],
    ["/feeds/agreements/%00.atom", 400],
    [`/developments/${DASHES}`, 404],
    [`/sources/${DASHES}`, 404],
    [`/api/v1/status-changes/${DASHES}`, 404],
    [`/api/v1/sources/${DASHES}`, 404],
  ] as const) {
    expect((await request.get(path)).status(), path).toBe(status);
  }
  for (const path of ["/search?q=%00", "/parties?q=%5C", "/parties?q=%25", "/agreements?q=%00", "/developments?q=a%00b"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
  }
  const parties = await request.get("/api/v1/parties?q=%25&scope=all");
  expect(parties.status()).toBe(200);
  expect((await parties.json()).data).toEqual([]);
  expect((await request.get("/api/v1/parties?q=%00")).status()).toBe(422);
});

test("desk and admin pages answer 404 for ids of 36 dashes", async ({ page }) => {
  await signInAs(page, "admin");
  for (const path of [`/desk/entries/${DASHES}`, `/desk/entries/${DASHES}/edit`, `/desk/entries/${DASHES}/revisions`, `/admin/users/${DASHES}`, `/admin/sources/${DASHES}`]) {
    const response = await page.goto(path);
    expect(response!.status(), path).toBe(404);
  }
});
