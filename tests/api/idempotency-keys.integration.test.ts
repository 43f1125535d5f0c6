import { beforeAll, describe, expect, it } from "vitest";
import * as apiTokenRoutes from "../../app/api/v1/api-tokens/route";
import * as partyRoutes from "../../app/api/v1/parties/route";
import * as statusChangeRoutes from "../../app/api/v1/status-changes/route";
import type { TSignedInActor } from "../../lib/server/permissions";
import { callRoute, ORIGIN, problemOf, type TCall, type TRouteHandler } from "../support/api-calls";
import { countWrites, createTestAgreement, logForm } from "../support/desk-factories";
import { useTestDatabase } from "../support/test-database";
import { createTestToken, createTestUser } from "../support/users";

// Issue 11 item 3: Idempotency-Key on POST, stored in PostgreSQL. A retried request gets the first
// answer and writes nothing twice; racing requests with one key make one write.

const database = useTestDatabase();
let analyst: TSignedInActor;
let token: string;
let otherToken: string;
let slug: string;

beforeAll(async () => {
  analyst = await createTestUser(database.db, "ANALYST");
  token = await createTestToken(database.db, analyst.id);
  otherToken = await createTestToken(database.db, (await createTestUser(database.db, "ANALYST")).id);
  slug = await createTestAgreement(database.db, analyst);
});

const logBody = (headline: string) => ({ ...logForm(`agreement:${slug}`), headline });
const post = (key: string | null, body: unknown, call: TCall = {}) =>
  callRoute(statusChangeRoutes.POST as TRouteHandler, "POST", "/api/v1/status-changes", { token, body, ...call, headers: { ...(key ? { "idempotency-key": key } : {}), ...call.headers } });

async function changesHeadlined(headline: string): Promise<number> {
  const [row] = await database.db.$queryRaw<{ count: bigint }[]>`SELECT count(*) AS count FROM "StatusChange" WHERE "headline" = ${headline}`;
  return Number(row!.count);
}

async function storedKeys(key: string): Promise<number> {
  const [row] = await database.db.$queryRaw<{ count: bigint }[]>`SELECT count(*) AS count FROM "IdempotencyKey" WHERE "key" = ${key}`;
  return Number(row!.count);
}

describe("Idempotency-Key", () => {
  it("answers a retry with the first response and writes nothing the second time", async () => {
    const key = crypto.randomUUID();
    const headline = `Once only ${key}`;
    const first = await post(key, logBody(headline));
    expect(first.status).toBe(201);
    const firstBody = await first.text();
    const writes = await countWrites(database.db);
    const retry = await post(key, logBody(headline));
    expect(retry.status).toBe(201);
    expect(await retry.text()).toBe(firstBody);
    expect(retry.headers.get("content-type")).toBe(first.headers.get("content-type"));
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await countWrites(database.db)).toEqual(writes);
    expect(await changesHeadlined(headline)).toBe(1);
    expect(await storedKeys(key)).toBe(1);
  });

  it("refuses the same key with another body with 422, writing nothing", async () => {
    const key = crypto.randomUUID();
    expect((await post(key, logBody(`First ${key}`))).status).toBe(201);
    const writes = await countWrites(database.db);
    const reused = await post(key, logBody(`Second ${key}`));
    expect(reused.status).toBe(422);
    const problem = await problemOf(reused);
    expect(problem.type).toBe(`${ORIGIN}/methodology/problems/idempotency-key-reused`);
    expect(problem.errors).toHaveProperty("Idempotency-Key");
    // Another path with the same key and body is another request too.
    const party = await callRoute(partyRoutes.POST as TRouteHandler, "POST", "/api/v1/parties", { token, body: logBody(`First ${key}`), headers: { "idempotency-key": key } });
    expect(party.status).toBe(422);
    expect(await countWrites(database.db)).toEqual(writes);
  });

  it("keeps each caller's keys apart", async () => {
    const key = crypto.randomUUID();
    const headline = `Two callers ${key}`;
    expect((await post(key, logBody(headline))).status).toBe(201);
    expect((await post(key, logBody(headline), { token: otherToken })).status).toBe(201);
    expect(await changesHeadlined(headline)).toBe(2);
  });

  it("keeps the answer to a refused request too, and writes each request without a key", async () => {
    const key = crypto.randomUUID();
    const invalid = await post(key, { ...logBody(""), occurredOn: "2999-01-01" });
    expect(invalid.status).toBe(422);
    const again = await post(key, { ...logBody(""), occurredOn: "2999-01-01" });
    expect(again.status).toBe(422);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.json()).toEqual(await invalid.json());
    const headline = `No key ${key}`;
    await post(null, logBody(headline));
    await post(null, logBody(headline));
    expect(await changesHeadlined(headline)).toBe(2);
    const tooLong = await post("x".repeat(256), logBody(headline));
    expect(tooLong.status).toBe(422);
    expect(await changesHeadlined(headline)).toBe(2);
  });

  it("lets racing requests with one key make one write: the others are told it is in progress, or get its answer once it is done", async () => {
    const key = crypto.randomUUID();
    const headline = `Raced ${key}`;
    const responses = await Promise.all(Array.from({ length: 8 }, () => post(key, logBody(headline))));
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201).length, String(statuses)).toBeGreaterThanOrEqual(1);
    expect(statuses.every((status) => status === 201 || status === 409), String(statuses)).toBe(true);
    for (const response of responses.filter((candidate) => candidate.status === 409)) {
      expect(response.headers.get("retry-after")).toBe("1");
      expect((await problemOf(response)).type).toBe(`${ORIGIN}/methodology/problems/idempotency-key-in-progress`);
    }
    const created = await Promise.all(responses.filter((response) => response.status === 201).map((response) => response.text()));
    expect(new Set(created).size).toBe(1);
    expect(await changesHeadlined(headline)).toBe(1);
    const late = await post(key, logBody(headline));
    expect(late.status).toBe(201);
    expect(await late.text()).toBe(created[0]);
    expect(await changesHeadlined(headline)).toBe(1);
  });

  it("forgets keys after 24 hours, cleans expired ones up, and takes over a claim whose request died", async () => {
    const key = crypto.randomUUID();
    const headline = `Expired ${key}`;
    expect((await post(key, logBody(headline))).status).toBe(201);
    const row = await database.db.idempotencyKey.findFirstOrThrow({ where: { key } });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(24 * 3600 * 1000);
    await database.db.idempotencyKey.updateMany({ where: { key }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const stale = crypto.randomUUID();
    await database.db.idempotencyKey.create({ data: { callerId: analyst.id, key: stale, fingerprint: "0".repeat(64), expiresAt: new Date(Date.now() - 1000) } });
    expect((await post(key, logBody(headline))).status).toBe(201);
    expect(await changesHeadlined(headline)).toBe(2);
    expect(await storedKeys(stale)).toBe(0);

    const died = crypto.randomUUID();
    const diedHeadline = `Died ${died}`;
    await database.db.idempotencyKey.create({ data: { callerId: analyst.id, key: died, fingerprint: "0".repeat(64), expiresAt: new Date(Date.now() + 3600_000), lockedUntil: new Date(Date.now() - 1000) } });
    expect((await post(died, logBody(diedHeadline))).status).toBe(201);
    expect(await changesHeadlined(diedHeadline)).toBe(1);
  });

  it("is refused with 422 where the answer is a secret shown once, so no secret is kept to replay", async () => {
    const key = crypto.randomUUID();
    const tokensBefore = await database.db.apiToken.count();
    const writes = await countWrites(database.db);
    const answer = await callRoute(apiTokenRoutes.POST as TRouteHandler, "POST", "/api/v1/api-tokens", { token, body: { name: "retried" }, headers: { "idempotency-key": key } });
    expect(answer.status).toBe(422);
    expect((await problemOf(answer)).detail).toMatch(/secret once/);
    expect(await database.db.apiToken.count()).toBe(tokensBefore);
    expect(await countWrites(database.db)).toEqual(writes);
    expect(await storedKeys(key)).toBe(0);
    // Without the key it is made as before.
    expect((await callRoute(apiTokenRoutes.POST as TRouteHandler, "POST", "/api/v1/api-tokens", { token, body: { name: "once" } })).status).toBe(201);
  });
});
