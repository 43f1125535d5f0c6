import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../lib/generated/prisma/enums";
import { runAsActor } from "../lib/server/auth/actor-context";
import { resetEnvCache } from "../lib/server/env";
import { can, PERMISSIONS, type TActor, type TSignedInActor } from "../lib/server/permissions";
import { loadActions, loadRoutes, runAction, segmentNames, type TAction, type TRoute } from "./authorization/app-handlers";
import { ACTION_MATRIX, ROUTE_MATRIX, type TMatrixContext } from "./authorization/matrix";
import { SPEC_ROLES_BY_PERMISSION, specAllows, specAllowsRoute } from "./authorization/spec-roles";
import { databaseFingerprint } from "./support/database-fingerprint";
import { useTestDatabase } from "./support/test-database";
import { createTestToken, createTestUser } from "./support/users";

const ROLES: Role[] = ["READER", "ANALYST", "ADMIN"];
const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
// Sample path values for reads that need no prepared rows: an absent record answers 404, which
// is not a refusal; a refused caller is answered 401/403 before any lookup.
const SAMPLE_PARAMS: Record<string, string | string[]> = { slug: "gsomia", code: "KOR", id: "0190a0a0-0000-7000-8000-000000000000", pair: "JPN-KOR", file: "gsomia.atom", nextauth: ["session"] };

let actions: { key: string; action: TAction }[] = [];
let routes: TRoute[] = [];
beforeAll(async () => {
  actions = await loadActions();
  routes = await loadRoutes();
});

const database = useTestDatabase();
// Each behaviour test tries dozens of endpoints four times over; embedded on a busy machine that
// takes minutes, not the suite's default minute.
const MATRIX_TIMEOUT = 300_000;

function setPublicRead(isOn: boolean) {
  process.env.PUBLIC_READ = String(isOn);
  resetEnvCache();
}
afterEach(() => setPublicRead(true));

const anyone = (role: Role): TSignedInActor => ({ id: "00000000-0000-0000-0000-000000000000", role, name: role, email: `${role}@example.org` });

describe("the permission table", () => {
  it("is SPEC §2, cell by cell, for every role and anonymous visitors with PUBLIC_READ on and off", () => {
    expect([...PERMISSIONS].sort(), "permissions in lib/server/permissions.ts vs SPEC §2").toEqual(Object.keys(SPEC_ROLES_BY_PERMISSION).sort());
    const wrong: string[] = [];
    let cells = 0;
    for (const isPublicRead of [true, false]) {
      setPublicRead(isPublicRead);
      for (const permission of PERMISSIONS) {
        for (const role of [null, ...ROLES]) {
          const actual = can(role ? anyone(role) : null, permission);
          if (actual !== specAllows(role, permission, isPublicRead)) wrong.push(`${permission} for ${role ?? "anonymous"} (PUBLIC_READ=${isPublicRead}): ${actual ? "granted" : "refused"}`);
          cells += 1;
        }
      }
    }
    expect(wrong, "cells where lib/server/permissions.ts disagrees with SPEC §2").toEqual([]);
    expect(cells).toBe(PERMISSIONS.length * 4 * 2);
  });
});

describe("the authorisation matrix", () => {
  it("lists every server action, each made with defineAction", () => {
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.filter(({ key }) => !(key in ACTION_MATRIX)).map(({ key }) => key), "server actions missing from tests/authorization/matrix.ts").toEqual([]);
    expect(Object.keys(ACTION_MATRIX).filter((key) => !actions.some((action) => action.key === key)), "matrix rows for actions that no longer exist").toEqual([]);
    for (const { key, action } of actions) expect(action.permission, `${key} must be made with defineAction`).not.toBeUndefined();
  });

  it("finds every route under app/api made with apiRoute, its declared path parameters matching the path", () => {
    const api = routes.filter((route) => route.file.startsWith("api/"));
    expect(api.length).toBeGreaterThan(10);
    expect(api.filter((route) => !route.handler.declaration).map((route) => route.key), "routes under app/api not made with apiRoute").toEqual([]);
    for (const route of routes.filter((candidate) => candidate.handler.declaration)) {
      expect([...(route.handler.declaration!.params ?? [])].sort(), route.key).toEqual(segmentNames(route.file).sort());
    }
    const mutating = routes.filter((route) => MUTATING.has(route.method));
    expect(mutating.filter(({ key }) => !(key in ROUTE_MATRIX)).map(({ key }) => key), "mutating routes missing from tests/authorization/matrix.ts").toEqual([]);
    expect(Object.keys(ROUTE_MATRIX).filter((key) => !mutating.some((route) => route.key === key)), "matrix rows for routes that no longer exist").toEqual([]);
  });

  it("lets each role SPEC §2 allows through every server action and refuses every other caller, writing nothing", { timeout: MATRIX_TIMEOUT }, async () => {
    const users = Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, await createTestUser(database.db, role)] as const))) as Record<Role, TSignedInActor>;
    const cells = { allowed: 0, refused: 0 };
    const guarded = actions.filter(({ action }) => action.permission);
    for (const { key, action } of guarded) {
      const permission = action.permission as string;
      for (const actor of [null, ...ROLES.map((role) => users[role])] as TActor[]) {
        const who = actor ? actor.role : "anonymous";
        const context: TMatrixContext = { db: database.db, actor: actor ?? users.READER };
        const fields = (await ACTION_MATRIX[key]!.input?.(context)) ?? {};
        const before = await databaseFingerprint(database.db);
        const result = await runAction(action, actor, fields);
        if (specAllows(actor?.role ?? null, permission)) {
          expect(result, `${key} (${permission}) as ${who} should succeed`).toMatchObject({ ok: true });
          cells.allowed += 1;
        } else {
          expect(!result.ok && result.code === (actor ? "FORBIDDEN" : "UNAUTHENTICATED"), `${key} (${permission}) as ${who} should be refused, got ${JSON.stringify(result)}`).toBe(true);
          expect(await databaseFingerprint(database.db), `${key} as ${who} wrote something`).toEqual(before);
          cells.refused += 1;
        }
      }
    }
    expect(guarded.length).toBeGreaterThan(20);
    expect(cells.allowed + cells.refused).toBe(guarded.length * (ROLES.length + 1));
    expect(cells.allowed).toBeGreaterThan(0);
    expect(cells.refused).toBeGreaterThanOrEqual(guarded.length);
  });

  it("answers 401/403 on every mutating route for callers SPEC §2 refuses, writing nothing, and lets the others through", { timeout: MATRIX_TIMEOUT }, async () => {
    const tokens = await tokensByRole();
    const cells = { allowed: 0, refused: 0 };
    const guarded = routes.filter((route) => MUTATING.has(route.method) && route.handler.declaration && route.handler.declaration.permission !== "public");
    for (const { key, method, handler } of guarded) {
      const permission = handler.declaration!.permission;
      for (const role of [null, ...ROLES] as const) {
        const caller = role ? tokens[role] : null;
        const prepared = (await ROUTE_MATRIX[key]!.request?.({ db: database.db, actor: caller?.user ?? tokens.READER.user })) ?? {};
        const request = new Request(`http://pactwatch.test/${key}`, {
          method,
          headers: { "content-type": "application/json", ...(caller ? { authorization: `Bearer ${caller.token}` } : {}) },
          body: JSON.stringify(prepared.body ?? {}),
        });
        const before = await databaseFingerprint(database.db);
        const response = await runAsActor(null, () => handler(request, { params: Promise.resolve(prepared.params ?? {}) }));
        if (specAllowsRoute(role, permission)) {
          expect(response.status, `${key} (${permission}) as ${role}: ${await response.clone().text()}`).toBeLessThan(400);
          cells.allowed += 1;
        } else {
          expect(response.status, `${key} (${permission}) as ${role ?? "anonymous"}`).toBe(role ? 403 : 401);
          // Using a token updates its lastUsedAt; nothing else may change.
          const after = await databaseFingerprint(database.db);
          expect({ ...after, ApiToken: "" }, `${key} as ${role ?? "anonymous"} wrote something`).toEqual({ ...before, ApiToken: "" });
          cells.refused += 1;
        }
      }
    }
    expect(guarded.length).toBeGreaterThan(10);
    expect(cells.allowed + cells.refused).toBe(guarded.length * (ROLES.length + 1));
    expect(cells.allowed).toBeGreaterThan(0);
  });

  it("lets every reader through every read route while PUBLIC_READ is on, and only signed-in callers when it is off", { timeout: MATRIX_TIMEOUT }, async () => {
    const tokens = await tokensByRole();
    const reads = routes.filter((route) => route.method === "GET" && route.handler.declaration);
    const wrong: string[] = [];
    for (const isPublicRead of [true, false]) {
      setPublicRead(isPublicRead);
      for (const { key, file, handler } of reads) {
        const params = Object.fromEntries(segmentNames(file).map((name) => [name, SAMPLE_PARAMS[name]]));
        for (const role of [null, ...ROLES] as const) {
          const headers: Record<string, string> = role ? { authorization: `Bearer ${tokens[role].token}` } : {};
          const response = await runAsActor(null, () => handler(new Request(`http://pactwatch.test/${file}`, { headers }), { params: Promise.resolve(params) }));
          await response.body?.cancel();
          const isRefused = response.status === 401 || response.status === 403;
          const expected = specAllowsRoute(role, handler.declaration!.permission, isPublicRead);
          if (isRefused === expected) wrong.push(`${key} as ${role ?? "anonymous"} (PUBLIC_READ=${isPublicRead}): ${response.status}`);
          if (!expected && response.status !== (role ? 403 : 401)) wrong.push(`${key} as ${role ?? "anonymous"}: ${response.status}, not ${role ? 403 : 401}`);
        }
      }
    }
    expect(reads.length).toBeGreaterThan(15);
    expect(wrong).toEqual([]);
  });
});

async function tokensByRole() {
  return Object.fromEntries(
    await Promise.all(ROLES.map(async (role) => {
      const user = await createTestUser(database.db, role);
      return [role, { user, token: await createTestToken(database.db, user.id) }] as const;
    })),
  ) as Record<Role, { user: TSignedInActor; token: string }>;
}
