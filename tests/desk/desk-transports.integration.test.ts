import { beforeAll, describe, expect, it } from "vitest";
import { logStatusChangeAction } from "../../app/(desk)/desk/log/actions";
import { editStatusChangeAction } from "../../app/(desk)/desk/entries/actions";
import { POST as postStatusChange } from "../../app/api/v1/status-changes/route";
import { PATCH as patchStatusChange } from "../../app/api/v1/status-changes/[id]/route";
import { POST as postRetraction } from "../../app/api/v1/status-changes/[id]/retract/route";
import { POST as postSource } from "../../app/api/v1/sources/route";
import { runAsActor } from "../../lib/server/auth/actor-context";
import type { TSignedInActor } from "../../lib/server/permissions";
import { CLARIFICATION, countWrites, createTestAgreement, derivedStatusOf, ensureTestParties } from "../support/desk-factories";
import { useTestDatabase } from "../support/test-database";
import { createTestToken, createTestUser } from "../support/users";

const database = useTestDatabase();
let analyst: TSignedInActor;
let admin: TSignedInActor;
let analystToken: string;
let adminToken: string;
let slug: string;
let measureSlug: string;

beforeAll(async () => {
  analyst = await createTestUser(database.db, "ANALYST");
  admin = await createTestUser(database.db, "ADMIN");
  analystToken = await createTestToken(database.db, analyst.id);
  adminToken = await createTestToken(database.db, admin.id);
  slug = await createTestAgreement(database.db, analyst);
  await ensureTestParties(database.db);
  const jpn = await database.db.party.findUniqueOrThrow({ where: { code: "JPN" } });
  const kor = await database.db.party.findUniqueOrThrow({ where: { code: "KOR" } });
  measureSlug = (
    await database.db.tradeMeasure.create({
      data: { slug: "export-controls", title: "Export controls", imposingPartyId: jpn.id, measureType: "EXPORT_CONTROL", targets: { create: [{ partyId: kor.id }] } },
    })
  ).slug;
});

/** The log form as a browser posts it: flat names with brackets. */
function logFormData(fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  const all: Record<string, string> = {
    subject: `agreement:${slug}`,
    status: "PROVISIONALLY_EXTENDED",
    headline: "GSOMIA extended provisionally",
    body: "",
    occurredOn: "2019-11-22",
    timeZone: "Asia/Seoul",
    effectiveAt: "",
    effectiveTimeZone: "",
    direction: "DE_ESCALATION",
    cancelsId: "",
    "citations[0][sourceId]": "",
    "citations[0][url]": "https://www.nytimes.com/2019/11/22/world/asia/japan-south-korea-intelligence.html",
    "citations[0][title]": "At Last Minute, South Korea Holds Off on Leaving Intelligence Pact With Japan",
    "citations[0][publisher]": "The New York Times",
    "citations[0][quote]": "",
    "citations[0][locator]": "",
    "citations[0][credibility]": "2",
    "citations[1][sourceId]": "",
    "citations[1][url]": "",
    "citations[1][title]": "",
    "citations[1][publisher]": "",
    "citations[1][quote]": "",
    "citations[1][locator]": "",
    "citations[1][credibility]": "6",
    intent: "publish",
    ...fields,
  };
  for (const [name, value] of Object.entries(all)) form.append(name, value);
  return form;
}

async function submit(actor: TSignedInActor | null, action: typeof logStatusChangeAction, form: FormData) {
  try {
    return await runAsActor(actor, () => action(null, form));
  } catch (error) {
    const digest = String((error as { digest?: string }).digest ?? "");
    if (digest.startsWith("NEXT_REDIRECT")) return { redirect: digest.split(";")[2] };
    throw error;
  }
}

function api(method: string, token: string | null, body: unknown): Request {
  return new Request("http://pactwatch.test/api/v1", {
    method,
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
}

describe("the log form's server action", () => {
  it("refuses each mistake an analyst might make with a clear message beside the field, keeps what was typed, and writes nothing", async () => {
    const cases: [Record<string, string>, string, string][] = [
      [{ "citations[0][url]": "", "citations[0][title]": "", "citations[0][publisher]": "" }, "citations", "Add at least one citation before publishing"],
      [{ occurredOn: "2999-01-01" }, "occurredOn", "The occurred date cannot be in the future"],
      [{ "citations[0][url]": "javascript:alert(document.cookie)" }, "citations.0.url", "Only http and https links can be sources (this one is a javascript: link)"],
      [{ body: "x".repeat(5 * 1024 * 1024) }, "body", "The body is limited to 20,000 characters"],
      [{ subject: `measure:${measureSlug}`, status: "NOTICE_GIVEN" }, "status", "A trade measure cannot be ‘Notice given’: choose Announced, In force, Eased, Suspended or Lifted"],
    ];
    for (const [fields, path, message] of cases) {
      const writes = await countWrites(database.db);
      const result = await submit(analyst, logStatusChangeAction, logFormData(fields));
      expect(result, path).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { [path]: [message] } });
      const failure = result as unknown as { values: { headline: string; citations: { url: string }[] } };
      expect(failure.values.headline).toBe("GSOMIA extended provisionally");
      expect(failure.values.citations[0]?.url).toBe(fields["citations[0][url]"] ?? "https://www.nytimes.com/2019/11/22/world/asia/japan-south-korea-intelligence.html");
      expect(await countWrites(database.db)).toEqual(writes);
    }
  });

  it("refuses readers and anonymous visitors before reading the form", async () => {
    const reader = await createTestUser(database.db, "READER");
    expect(await submit(reader, logStatusChangeAction, logFormData())).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await submit(null, logStatusChangeAction, logFormData())).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
  });

  it("publishes and redirects to the entry; an edit posted at the old version then gets the conflict with their version", async () => {
    const result = await submit(analyst, logStatusChangeAction, logFormData());
    expect(result).toMatchObject({ redirect: expect.stringMatching(/^\/desk\/entries\/[0-9a-f-]{36}\?saved=published$/) });
    const id = /entries\/([0-9a-f-]{36})/.exec((result as { redirect: string }).redirect)![1]!;

    const edit = (headline: string) => {
      const form = logFormData({ headline, intent: "save" });
      form.append("id", id);
      form.append("version", "1");
      form.append("changeKind", CLARIFICATION.changeKind);
      form.append("reason", CLARIFICATION.reason);
      return form;
    };
    expect(await submit(admin, editStatusChangeAction, edit("First save"))).toMatchObject({ redirect: `/desk/entries/${id}?saved=saved` });
    const conflict = await submit(analyst, editStatusChangeAction, edit("Second save"));
    expect(conflict).toMatchObject({ ok: false, code: "CONFLICT", details: { currentVersion: 2, current: { headline: "First save" } } });
    expect((conflict as unknown as { values: { headline: string } }).values.headline).toBe("Second save");
  });
});

describe("the JSON API", () => {
  it("logs, edits and retracts with tokens, answering problems with their fields", async () => {
    const created = await runAsActor(null, () =>
      postStatusChange(
        api("POST", analystToken, {
          subject: `agreement:${slug}`,
          status: "SUSPENDED",
          headline: "Suspended through the API",
          occurredOn: "2020-01-10",
          timeZone: "Asia/Seoul",
          direction: "ESCALATION",
          intent: "publish",
          citations: [{ url: "https://api.example.org/report?utm_medium=x", title: "API report", publisher: "API Wire", credibility: 3 }],
        }),
        { params: Promise.resolve({}) },
      ),
    );
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };

    const invalid = await runAsActor(null, () => postStatusChange(api("POST", analystToken, { subject: `agreement:${slug}`, headline: "", intent: "publish" }), { params: Promise.resolve({}) }));
    expect(invalid.status).toBe(422);
    expect(invalid.headers.get("content-type")).toBe("application/problem+json");
    expect(((await invalid.json()) as { errors: Record<string, string[]> }).errors).toMatchObject({ headline: ["Write a headline"] });

    const patched = await runAsActor(null, () => patchStatusChange(api("PATCH", analystToken, { version: 1, headline: "Renamed through the API", ...CLARIFICATION }), { params: Promise.resolve({ id }) }));
    expect(patched.status).toBe(200);
    const stale = await runAsActor(null, () => patchStatusChange(api("PATCH", analystToken, { version: 1, headline: "Stale", ...CLARIFICATION }), { params: Promise.resolve({ id }) }));
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ currentVersion: 2, current: { headline: "Renamed through the API", status: "SUSPENDED" } });

    const forbidden = await runAsActor(null, () => postRetraction(api("POST", analystToken, { version: 2, reason: "no" }), { params: Promise.resolve({ id }) }));
    expect(forbidden.status).toBe(403);
    const retracted = await runAsActor(null, () => postRetraction(api("POST", adminToken, { version: 2, reason: "Misreported" }), { params: Promise.resolve({ id }) }));
    expect(retracted.status).toBe(200);
    expect((await derivedStatusOf(database.db, slug)).current?.changeId).not.toBe(id);
  });

  it("registers a source once per canonical link", async () => {
    const first = await runAsActor(null, () => postSource(api("POST", analystToken, { url: "https://Example.org/a?fbclid=1#x", title: "A", publisher: "Example" }), { params: Promise.resolve({}) }));
    const second = await runAsActor(null, () => postSource(api("POST", analystToken, { url: "https://example.org/a" }), { params: Promise.resolve({}) }));
    expect([first.status, second.status]).toEqual([201, 200]);
    expect(((await second.json()) as { url: string }).url).toBe("https://example.org/a");
    const refused = await runAsActor(null, () => postSource(api("POST", analystToken, { url: "javascript:alert(1)" }), { params: Promise.resolve({}) }));
    expect(refused.status).toBe(422);
  });
});
