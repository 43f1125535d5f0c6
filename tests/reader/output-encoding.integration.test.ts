import * as xml from "xml-js";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "../../lib/server/env";
import { runAsActor } from "../../lib/server/auth/actor-context";
import { GET as agreementFeed } from "../../app/feeds/agreements/[file]/route";
import { GET as csvExport } from "../../app/exports/developments.csv/route";
import { logStatusChange } from "../../lib/server/status-changes/log-status-change";
import { createTestAgreement, createTestUser, logInput } from "../support/desk-factories";
import { useTestDatabase } from "../support/test-database";

// Stored text that a feed reader or a spreadsheet would run if it were written out raw.
const database = useTestDatabase();
const ORIGIN = "http://pactwatch.test";
const HOSTILE_HEADLINE = `<script>alert("feed")</script><img src=x onerror=alert(1)> ]]> & more`;
const HOSTILE_NAME = `<img src=x onerror=alert(2)>Pact`;
let slug = "";

type TElement = { type: string; name?: string; text?: string; attributes?: Record<string, string>; elements?: TElement[] };

function children(element: TElement, name: string): TElement[] {
  return (element.elements ?? []).filter((child) => child.type === "element" && child.name === name);
}
function textOf(element: TElement): string {
  return (element.elements ?? []).map((child) => (child.type === "text" || child.type === "cdata" ? (child.text ?? (child as { cdata?: string }).cdata ?? "") : textOf(child))).join("");
}

beforeAll(async () => {
  const analyst = await createTestUser(database.db, "ANALYST");
  slug = await createTestAgreement(database.db, analyst, { shortName: HOSTILE_NAME });
  await logStatusChange(analyst, logInput(`agreement:${slug}`, { headline: HOSTILE_HEADLINE, body: "<b>bold</b> & [link](javascript:alert(3))" }));
  // Headlines are trimmed on input, so a leading tab or CR cannot be stored (csv-cells.test.ts covers them).
  for (const lead of ["=", "+", "-", "@"]) {
    await logStatusChange(analyst, logInput(`agreement:${slug}`, { headline: `${lead}HYPERLINK("https://evil.example","click") ${lead}` }));
  }
});

describe("output encoding", () => {
  it("puts headlines and subject names in Atom titles and summaries as text, never markup", async () => {
    const response = await runAsActor(null, () => agreementFeed(new Request(`${ORIGIN}/feeds/agreements/${slug}.atom`), { params: Promise.resolve({ file: `${slug}.atom` }) }));
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body).not.toMatch(/<script|<img|CDATA/i);
    const document = xml.xml2js(body, { compact: false }) as TElement;
    const feed = children(document, "feed")[0]!;
    const entries = children(feed, "entry");
    const hostile = entries.find((entry) => textOf(children(entry, "title")[0]!).includes("alert(\"feed\")"))!;
    expect(hostile).toBeDefined();
    const title = children(hostile, "title")[0]!;
    expect(title.attributes).toEqual({ type: "text" });
    // Read back as characters, the title is exactly what the analyst typed.
    expect(textOf(title)).toBe(`${HOSTILE_NAME}: ${HOSTILE_HEADLINE}`);
    const summary = children(hostile, "summary")[0]!;
    expect(summary.attributes).toEqual({ type: "text" });
    expect(textOf(summary)).toContain(HOSTILE_HEADLINE);
    // The HTML content, once unescaped, still shows the stored text as text.
    const content = children(hostile, "content")[0]!;
    expect(content.attributes).toEqual({ type: "html" });
    expect(textOf(content)).not.toMatch(/<script|<img|<b>|href="javascript/i);
    expect(textOf(content)).toContain("&#60;b&#62;bold&#60;/b&#62;");
    expect(children(feed, "title")[0]!.attributes).toEqual({ type: "text" });
  });

  it("writes CSV cells that start like a formula as text", async () => {
    const response = await runAsActor(null, () => csvExport(new Request(`${ORIGIN}/exports/developments.csv?agreement=${slug}`), { params: Promise.resolve({}) }));
    const text = await response.text();
    for (const lead of ["=", "+", "-", "@"]) {
      expect(text).toContain(`'${lead}HYPERLINK(""https://evil.example"",""click"") ${lead}`);
    }
    // No cell anywhere begins with a formula character.
    expect(text).not.toMatch(/(^|,|\n)"?[=+\-@\t\r]HYPERLINK/);
  });
});

describe("feed caching", () => {
  afterEach(() => {
    process.env.PUBLIC_READ = "true";
    resetEnvCache();
  });

  it("lets shared caches keep public feeds, and keeps PUBLIC_READ=false feeds private to the signed-in client", async () => {
    const feed = (actor: Parameters<typeof runAsActor>[0]) =>
      runAsActor(actor, () => agreementFeed(new Request(`${ORIGIN}/feeds/agreements/${slug}.atom`), { params: Promise.resolve({ file: `${slug}.atom` }) }));
    expect((await feed(null)).headers.get("cache-control")).toBe("public, max-age=300");
    process.env.PUBLIC_READ = "false";
    resetEnvCache();
    const reader = await createTestUser(database.db, "READER");
    const response = await feed(reader);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect((await feed(null)).status).toBe(401);
  });
});
