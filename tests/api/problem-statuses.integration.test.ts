import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import ProblemTypePage from "../../app/(public)/methodology/problems/[slug]/page";
import * as agreementRoutes from "../../app/api/v1/agreements/route";
import * as agreementRoute from "../../app/api/v1/agreements/[slug]/route";
import * as catchAll from "../../app/api/v1/[...path]/route";
import * as publishRoute from "../../app/api/v1/status-changes/[id]/publish/route";
import * as statusChangeRoutes from "../../app/api/v1/status-changes/route";
import { PROBLEM_TYPE_LIST, problemTypeBySlug } from "../../lib/domain/problem-types";
import { problemResponse } from "../../lib/server/api";
import { AppError } from "../../lib/server/errors";
import type { TSignedInActor } from "../../lib/server/permissions";
import { APP, filesNamed } from "../authorization/app-handlers";
import { callRoute, ORIGIN, problemOf, type TProblem, type TRouteHandler } from "../support/api-calls";
import { countWrites, createTestAgreement, logForm } from "../support/desk-factories";
import { useTestDatabase } from "../support/test-database";
import { createTestToken, createTestUser } from "../support/users";

// One error format with the right status for every failure, from the real route handlers, each
// problem's `type` a page of the methodology (issue 11 item 4).

const database = useTestDatabase();
let analyst: TSignedInActor;
let token: string;
let readerToken: string;
let slug: string;
const seen: TProblem[] = [];

beforeAll(async () => {
  analyst = await createTestUser(database.db, "ANALYST");
  token = await createTestToken(database.db, analyst.id);
  readerToken = await createTestToken(database.db, (await createTestUser(database.db, "READER")).id);
  slug = await createTestAgreement(database.db, analyst);
});

async function expectProblem(response: Response, status: number, slugOfType: string): Promise<TProblem> {
  const problem = await problemOf(response);
  expect(response.status, JSON.stringify(problem)).toBe(status);
  expect(problem).toMatchObject({ status, type: `${ORIGIN}/methodology/problems/${slugOfType}` });
  expect(problem.title.length).toBeGreaterThan(5);
  expect(problem.detail.length).toBeGreaterThan(5);
  seen.push(problem);
  return problem;
}

/** The text of a rendered element tree (server components return plain elements). */
function textOf(node: unknown): string {
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (Array.isArray(node)) return node.map(textOf).join("");
  if (node && typeof node === "object" && "props" in node) return textOf((node as { props: { children?: unknown } }).props.children);
  return "";
}

const logBody = () => ({ ...logForm(`agreement:${slug}`), headline: `Logged ${crypto.randomUUID()}` });
const postChange = (call: Parameters<typeof callRoute>[3]) => callRoute(statusChangeRoutes.POST as TRouteHandler, "POST", "/api/v1/status-changes", call);

describe("problem statuses", () => {
  it("answers malformed JSON with 400, an oversized body with 413 and another content type with 415, writing nothing", async () => {
    const before = await countWrites(database.db);
    const malformed = await expectProblem(await postChange({ token, rawBody: '{"headline": "x",' }), 400, "malformed-body");
    expect(malformed.detail).toBe("The body is not valid JSON.");
    await expectProblem(await postChange({ token, rawBody: new Uint8Array([0x7b, 0xff, 0x7d]) }), 400, "malformed-body");
    const large = await expectProblem(await postChange({ token, rawBody: JSON.stringify({ headline: "x".repeat(8_100_000) }) }), 413, "body-too-large");
    expect(large.maxBytes).toBe(8_000_000);
    for (const type of ["text/plain;charset=application/json", "text/plain", "application/x-www-form-urlencoded", "application/json; charset=iso-8859-1"]) {
      const response = await postChange({ token, rawBody: JSON.stringify(logBody()), headers: { "content-type": type } });
      await expectProblem(response, 415, "unsupported-media-type");
    }
    expect(await countWrites(database.db)).toEqual(before);
  });

  it("answers invalid fields with 422 and a message per field", async () => {
    const problem = await expectProblem(await postChange({ token, body: { ...logBody(), headline: "", occurredOn: "2999-01-01" } }), 422, "invalid-input");
    expect(problem.errors).toMatchObject({ headline: ["Write a headline"], occurredOn: [expect.stringContaining("future")] });
    const notAnObject = await expectProblem(await postChange({ token, body: [1, 2] }), 422, "invalid-input");
    expect(notAnObject.detail).toContain("JSON object");
  });

  it("answers 401 without credentials, 403 for a role that may not, 404 for what is not there", async () => {
    const anonymous = await postChange({ body: logBody() });
    await expectProblem(anonymous, 401, "unauthenticated");
    expect(anonymous.headers.get("www-authenticate")).toBe('Bearer realm="pactwatch"');
    await expectProblem(await postChange({ token: "pw_not-a-token", body: logBody() }), 401, "unauthenticated");
    await expectProblem(await postChange({ token: readerToken, body: logBody() }), 403, "forbidden");
    await expectProblem(await callRoute(agreementRoute.GET as TRouteHandler, "GET", "/api/v1/agreements/nope", { params: { slug: "nope" } }), 404, "not-found");
  });

  it("answers unknown paths under /api/v1 with problem+json 404, whatever the method", async () => {
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"] as const) {
      const response = await callRoute(catchAll[method] as TRouteHandler, method, "/api/v1/agreementz/x", { params: { path: ["agreementz", "x"] }, token, ...(method === "GET" ? {} : { body: {} }) });
      const problem = await expectProblem(response, 404, "not-found");
      expect(problem.detail).toContain("/api/v1/agreementz/x");
    }
  });

  it("answers a method a known path does not take with 405 and Allow", async () => {
    const put = await agreementRoutes.PUT(new Request(`${ORIGIN}/api/v1/agreements`, { method: "PUT" }));
    await expectProblem(put, 405, "method-not-allowed");
    expect(put.headers.get("allow")).toBe("GET, HEAD, POST, OPTIONS");
    const get = await publishRoute.GET(new Request(`${ORIGIN}/api/v1/status-changes/x/publish`));
    await expectProblem(get, 405, "method-not-allowed");
    expect(get.headers.get("allow")).toBe("POST, OPTIONS");
    const options = await agreementRoutes.OPTIONS(new Request(`${ORIGIN}/api/v1/agreements`, { method: "OPTIONS" }));
    expect(options.status).toBe(204);
    expect(options.headers.get("allow")).toBe("GET, HEAD, POST, OPTIONS");
    expect(options.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("answers an edit at a stale version with 409 and the current version", async () => {
    const edit = (version: number) => callRoute(agreementRoute.PATCH as TRouteHandler, "PATCH", `/api/v1/agreements/${slug}`, { token, params: { slug }, body: { version, summary: `Edited at ${version}` } });
    expect((await edit(1)).status).toBe(200);
    const conflict = await expectProblem(await edit(1), 409, "conflict");
    expect(conflict).toMatchObject({ currentVersion: 2, current: { summary: "Edited at 1" } });
  });

  it("gives 429 and 503 a Retry-After header, in whole seconds", async () => {
    const request = new Request(`${ORIGIN}/api/v1/status-changes`);
    const limited = problemResponse(new AppError("RATE_LIMITED", "Too many writes.", {}, { retryAfterSeconds: 12.2 }), request);
    expect(limited.headers.get("retry-after")).toBe("13");
    await expectProblem(limited, 429, "rate-limited");
    const unavailable = problemResponse(new AppError("UNAVAILABLE", "The database does not answer; nothing was saved.", {}, { retryAfterSeconds: 5 }), request);
    expect(unavailable.headers.get("retry-after")).toBe("5");
    await expectProblem(unavailable, 503, "unavailable");
  });

  it("links every problem type to a methodology page that explains it", async () => {
    // Every type the tests above met, and every type there is, has its page.
    for (const problem of seen) expect(problemTypeBySlug(problem.type.split("/").pop()!), problem.type).toBeDefined();
    for (const type of PROBLEM_TYPE_LIST) {
      const page = await ProblemTypePage({ params: Promise.resolve({ slug: type.slug }) });
      expect(textOf(page)).toContain(type.meaning);
    }
    await expect(ProblemTypePage({ params: Promise.resolve({ slug: "no-such-problem" }) })).rejects.toThrow();
    expect(new Set(seen.map((problem) => problem.type.split("/").pop())).size).toBeGreaterThanOrEqual(10);
  });

  it("has every route file under app/api/v1 answer each method (405 for those it lacks)", async () => {
    const files = filesNamed("route.ts", path.join(APP, "api/v1")).filter((file) => !file.includes("[...path]"));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const module = (await import(file)) as Record<string, unknown>;
      const missing = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"].filter((method) => typeof module[method] !== "function");
      expect(missing, `${path.relative(APP, file)}: export refuseOtherMethods([...]) for the methods it lacks`).toEqual([]);
    }
    expect(fs.existsSync(path.join(APP, "api/v1/[...path]/route.ts"))).toBe(true);
  });
});
