import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Role } from "../../lib/generated/prisma/enums";
import { openSession } from "../../lib/server/auth/sessions";
import { encodeSessionToken, SESSION_COOKIE } from "../../lib/server/auth/session-token";
import type { TSignedInActor } from "../../lib/server/permissions";
import { logStatusChange } from "../../lib/server/status-changes/log-status-change";
import { loadActions, loadRoutes, runAction, segmentNames, type TAction, type TRoute } from "../authorization/app-handlers";
import { ACTION_MATRIX, ROUTE_MATRIX } from "../authorization/matrix";
import { createTestAgreement, logInput } from "../support/desk-factories";
import { fieldNamesOf, hostileObjectFor, hostileString, hostileValue, propertyParameters } from "../support/hostile-input";
import { checkSpecInvariants, invariantSnapshot, type TInvariantSnapshot } from "../support/spec-invariants";
import { useTestDatabase } from "../support/test-database";
import { createTestToken, createTestUser } from "../support/users";

// Issue 10 item 4: generated input thrown at every route handler under app/ (paths, query
// strings, bodies) as an anonymous, a bearer-token and a session-cookie caller, and at every
// server action as each role: never a 500, never an INTERNAL result, never an unhandled
// rejection, and SPEC §3's invariants hold afterwards. Runs are bounded (a few per endpoint and
// caller); a failure prints its seed, and FAST_CHECK_SEED=<seed> replays it.

let cookie: string | undefined;
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-pactwatch-path": "/property-test", "x-pactwatch-client-address": "203.0.113.7" }),
  cookies: async () => ({
    get: (name: string) => (name === SESSION_COOKIE && cookie ? { name, value: cookie } : undefined),
    getAll: () => (cookie ? [{ name: SESSION_COOKIE, value: cookie }] : []),
    has: (name: string) => name === SESSION_COOKIE && cookie !== undefined,
    set: () => {},
    delete: () => {},
  }),
}));
vi.mock("next/server", async (original) => ({ ...(await original<typeof import("next/server")>()), connection: async () => {} }));

const database = useTestDatabase();
const RUNS_PER_ROUTE_AND_CALLER = 4;
const RUNS_PER_ACTION_AND_ROLE = 3;
const SAMPLE_PARAMS: Record<string, string> = { slug: "gsomia", code: "KOR", id: "0190a0a0-0000-7000-8000-000000000000", pair: "JPN-KOR", file: "gsomia.atom" };

type TCaller = { name: string; token?: string; cookie?: string };
let callers: TCaller[] = [];
let users: Record<Role, TSignedInActor>;
let routes: TRoute[] = [];
let actions: { key: string; action: TAction & { schema?: unknown } }[] = [];
let before: TInvariantSnapshot;
let adminToken = "";
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  process.on("unhandledRejection", onUnhandled);
  routes = await loadRoutes();
  actions = await loadActions();
  users = { READER: await createTestUser(database.db, "READER"), ANALYST: await createTestUser(database.db, "ANALYST"), ADMIN: await createTestUser(database.db, "ADMIN") };
  const slug = await createTestAgreement(database.db, users.ANALYST);
  await logStatusChange(users.ANALYST, logInput(`agreement:${slug}`));
  SAMPLE_PARAMS.slug = slug;
  callers = [
    { name: "anonymous" },
    { name: "analyst token", token: await createTestToken(database.db, users.ANALYST.id) },
    { name: "admin cookie", cookie: await encodeSessionToken(users.ADMIN.id, await openSession(users.ADMIN.id)) },
  ];
  adminToken = await createTestToken(database.db, users.ADMIN.id);
  before = await invariantSnapshot(database.db);
});
afterAll(() => {
  process.off("unhandledRejection", onUnhandled);
});

/** A valid input with one to three of its fields (or new ones) replaced by hostile values, so the mutation reaches the use case. */
function mutationsOf<T>(valid: Record<string, T>, extraNames: string[], value: fc.Arbitrary<T>): fc.Arbitrary<Record<string, T>> {
  const names = [...new Set([...Object.keys(valid), ...extraNames])];
  if (names.length === 0) return fc.constant(valid);
  return fc.dictionary(fc.constantFrom(...names), value, { minKeys: 1, maxKeys: 3 }).map((changes) => ({ ...valid, ...changes }));
}

/** A path segment: mostly hostile, sometimes the real sample so the handler gets past its lookup. */
const segment = (name: string) => fc.oneof(hostileString, fc.constant(SAMPLE_PARAMS[name] ?? "x"));

/** Lone surrogates become U+FFFD, as a browser's UTF-8 percent-encoding of the address would make them. */
const wellFormed = (text: string) => new TextDecoder().decode(new TextEncoder().encode(text));

function requestFor(route: TRoute, caller: TCaller, params: Record<string, string | string[]>, query: Record<string, unknown>, body: unknown): Request {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) search.append(key, typeof value === "string" ? value : JSON.stringify(value) ?? "");
  const path = `/${route.file.replace(/\/route\.ts$/, "")}`.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_, name: string) => encodeURIComponent(wellFormed(String(params[name]))));
  const hasBody = route.method !== "GET" && route.method !== "DELETE";
  return new Request(`http://pactwatch.test${path}?${search}`, {
    method: route.method,
    headers: {
      ...(hasBody ? { "content-type": "application/json" } : {}),
      ...(caller.token ? { authorization: `Bearer ${caller.token}` } : {}),
      origin: "http://pactwatch.test",
    },
    body: hasBody ? (typeof body === "string" ? body : JSON.stringify(body)) : undefined,
  });
}

describe("generated input", () => {
  it("never makes a route handler answer 500, for any caller", { timeout: 240_000 }, async () => {
    expect(routes.length).toBeGreaterThan(20);
    for (const route of routes) {
      const names = segmentNames(route.file);
      const declaration = route.handler.declaration;
      const params = fc.record(Object.fromEntries(names.map((name) => [name, name === "nextauth" ? fc.array(hostileString, { minLength: 1, maxLength: 2 }) : segment(name)])));
      const query = hostileObjectFor(declaration?.query as never, hostileString);
      const body = fc.oneof(hostileObjectFor(declaration?.schema as never), hostileValue, hostileString);
      for (const caller of callers) {
        await fc.assert(
          fc.asyncProperty(params, query, body, async (path, search, sent) => {
            cookie = caller.cookie;
            const response = await route.handler(requestFor(route, caller, path, search, sent), { params: Promise.resolve(path) });
            // Streamed bodies (exports, feeds) fail while streaming: read them to the end.
            const text = await response.text();
            if (response.status >= 500) throw new Error(`${route.key} as ${caller.name} answered ${response.status}: ${text.slice(0, 300)}`);
          }),
          propertyParameters(RUNS_PER_ROUTE_AND_CALLER),
        );
      }
      // A write that would succeed, with some of its fields hostile, as an admin's token.
      const valid = await ROUTE_MATRIX[route.key]?.request?.({ db: database.db, actor: users.ADMIN });
      if (!valid || !declaration?.schema) continue;
      const validBody = (valid.body ?? {}) as Record<string, unknown>;
      const validParams = valid.params ?? {};
      await fc.assert(
        fc.asyncProperty(mutationsOf(validBody, fieldNamesOf(declaration.schema as never), hostileValue), async (sent) => {
          cookie = undefined;
          const response = await route.handler(requestFor(route, { name: "admin token", token: adminToken }, validParams, {}, sent), { params: Promise.resolve(validParams) });
          const text = await response.text();
          if (response.status >= 500) throw new Error(`${route.key} as admin token answered ${response.status}: ${text.slice(0, 300)}`);
        }),
        propertyParameters(RUNS_PER_ROUTE_AND_CALLER * 2),
      );
    }
    cookie = undefined;
  });

  it("never makes a server action fail unexpectedly, for any role", { timeout: 240_000 }, async () => {
    expect(actions.length).toBeGreaterThan(20);
    // Signing out everywhere would end the cookie caller's session; it runs last.
    const ordered = [...actions].sort((a, b) => Number(a.key.includes("signOutEverywhere")) - Number(b.key.includes("signOutEverywhere")));
    for (const { key, action } of ordered) {
      const fields = hostileObjectFor(action.schema as never, hostileString).map((values) => Object.fromEntries(Object.entries(values).map(([name, value]) => [name, String(value)])));
      const nested = fc.dictionary(fc.constantFrom("citations[0][url]", "citations[0][sourceId]", "citations[0][credibility]", "links[0][target]", "citations[a][b][c][d][e][f]", "partyCodes[]"), hostileString, { maxKeys: 3 });
      for (const actor of [null, users.READER, users.ANALYST, users.ADMIN]) {
        await fc.assert(
          fc.asyncProperty(fields, nested, async (values, extra) => {
            const result = await runAction(action, actor, { ...values, ...extra });
            if (!result.ok && result.code === "INTERNAL") throw new Error(`${key} as ${actor?.role ?? "anonymous"} failed: ${JSON.stringify(result).slice(0, 300)}`);
          }),
          propertyParameters(RUNS_PER_ACTION_AND_ROLE),
        );
      }
      // Fields that would succeed for an admin, with some of them hostile, so the input gets past
      // the form's other fields to the one under attack.
      const valid = (await ACTION_MATRIX[key]?.input?.({ db: database.db, actor: users.ADMIN })) ?? {};
      await fc.assert(
        fc.asyncProperty(mutationsOf(valid, fieldNamesOf(action.schema as never), hostileString), async (values) => {
          const result = await runAction(action, users.ADMIN, values);
          if (!result.ok && result.code === "INTERNAL") throw new Error(`${key} as an admin failed: ${JSON.stringify(result).slice(0, 300)}`);
        }),
        propertyParameters(RUNS_PER_ACTION_AND_ROLE * 2),
      );
    }
    expect(fieldNamesOf((actions.find(({ key }) => key.endsWith("log/actions.ts#logStatusChangeAction")) ?? actions[0]!).action.schema as never).length).toBeGreaterThan(0);
  });

  it("left no unhandled rejection behind and SPEC §3's invariants holding", async () => {
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(unhandled.map(String)).toEqual([]);
    expect(await checkSpecInvariants(database.db, before)).toEqual([]);
  });
});
