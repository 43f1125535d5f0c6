import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../lib/generated/prisma/enums";
import { runAsActor } from "../lib/server/auth/actor-context";
import { rolesWith, type TActor, type TSignedInActor } from "../lib/server/permissions";
import { ACTION_MATRIX, ROUTE_MATRIX, type TMatrixContext } from "./authorization/matrix";
import { databaseFingerprint } from "./support/database-fingerprint";
import { useTestDatabase } from "./support/test-database";
import { createTestToken, createTestUser } from "./support/users";

const APP = path.resolve(import.meta.dirname, "../app");
const MUTATING_METHODS = ["POST", "PUT", "PATCH", "DELETE"] as const;
const ROLES: Role[] = ["READER", "ANALYST", "ADMIN"];

function filesNamed(name: string, directory = APP): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return filesNamed(name, full);
    return entry.name === name ? [full] : [];
  });
}

type TAction = ((state: null, formData: FormData) => Promise<{ ok: boolean; code?: string }>) & { permission?: unknown };
const actions: { key: string; action: TAction }[] = [];
const routes: { key: string; handler: (request: Request, context: { params: Promise<unknown> }) => Promise<Response> }[] = [];

beforeAll(async () => {
  for (const file of filesNamed("actions.ts")) {
    const module = (await import(file)) as Record<string, TAction>;
    for (const [name, action] of Object.entries(module)) actions.push({ key: `${path.relative(APP, file)}#${name}`, action });
  }
  for (const file of filesNamed("route.ts")) {
    const module = (await import(file)) as Record<string, (typeof routes)[number]["handler"]>;
    for (const method of MUTATING_METHODS) {
      if (typeof module[method] === "function") routes.push({ key: `${method} ${path.relative(APP, file)}`, handler: module[method] });
    }
  }
});

const database = useTestDatabase();

function isDenied(result: { ok: boolean; code?: string }, actor: TActor): boolean {
  return !result.ok && result.code === (actor ? "FORBIDDEN" : "UNAUTHENTICATED");
}

/** Runs a server action; a redirect (thrown by Next.js) counts as success. */
async function run(action: TAction, actor: TActor, fields: Record<string, string>) {
  const formData = new FormData();
  for (const [key, value] of Object.entries(fields)) formData.append(key, value);
  try {
    return await runAsActor(actor, () => action(null, formData));
  } catch (error) {
    if (String((error as { digest?: string }).digest ?? "").startsWith("NEXT_REDIRECT")) return { ok: true };
    throw error;
  }
}

describe("the authorisation matrix", () => {
  it("lists every server action, with the permission the action declares", () => {
    expect(actions.length).toBeGreaterThan(0);
    const missing = actions.filter(({ key }) => !(key in ACTION_MATRIX)).map(({ key }) => key);
    expect(missing, "server actions missing from tests/authorization/matrix.ts").toEqual([]);
    const stale = Object.keys(ACTION_MATRIX).filter((key) => !actions.some((action) => action.key === key));
    expect(stale, "matrix rows for actions that no longer exist").toEqual([]);
    for (const { key, action } of actions) {
      expect(action.permission, `${key} must be made with defineAction`).not.toBeUndefined();
      expect(action.permission, key).toBe(ACTION_MATRIX[key]!.permission);
    }
  });

  it("lists every mutating route handler", () => {
    expect(routes.length, "no mutating route handler found under app/").toBeGreaterThan(0);
    const missing = routes.filter(({ key }) => !(key in ROUTE_MATRIX)).map(({ key }) => key);
    expect(missing, "mutating routes missing from tests/authorization/matrix.ts").toEqual([]);
    const stale = Object.keys(ROUTE_MATRIX).filter((key) => !routes.some((route) => route.key === key));
    expect(stale, "matrix rows for routes that no longer exist").toEqual([]);
  });

  it("lets each allowed role through and refuses every other caller, writing nothing", async () => {
    const users = Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, await createTestUser(database.db, role)] as const))) as Record<Role, TSignedInActor>;
    const cells = { allowed: 0, refused: 0 };
    for (const { key, action } of actions) {
      const entry = ACTION_MATRIX[key]!;
      if (!entry.permission) continue;
      const allowed = rolesWith(entry.permission);
      for (const actor of [null, ...ROLES.map((role) => users[role])]) {
        const who = actor ? actor.role : "anonymous";
        const context: TMatrixContext = { db: database.db, actor: actor ?? users.READER };
        const fields = entry.input ? await entry.input(context) : {};
        const before = await databaseFingerprint(database.db);
        const result = await run(action, actor, fields);
        if (actor && allowed.includes(actor.role)) {
          expect(result, `${key} as ${who} should succeed`).toMatchObject({ ok: true });
          cells.allowed += 1;
        } else {
          expect(isDenied(result, actor), `${key} as ${who} should be refused, got ${JSON.stringify(result)}`).toBe(true);
          expect(await databaseFingerprint(database.db), `${key} as ${who} wrote something`).toEqual(before);
          cells.refused += 1;
        }
      }
    }
    // Every guarded action was tried by all four callers, and anonymous is always refused.
    const guarded = actions.filter(({ key }) => ACTION_MATRIX[key]!.permission).length;
    expect(guarded).toBeGreaterThan(0);
    expect(cells.allowed + cells.refused).toBe(guarded * (ROLES.length + 1));
    expect(cells.refused).toBeGreaterThanOrEqual(guarded);
    expect(cells.allowed).toBeGreaterThan(0);
  });

  it("answers 401/403 on every mutating route for callers without the permission, writing nothing", async () => {
    const tokens = Object.fromEntries(
      await Promise.all(ROLES.map(async (role) => {
        const user = await createTestUser(database.db, role);
        return [role, { user, token: await createTestToken(database.db, user.id) }] as const;
      })),
    ) as Record<Role, { user: TSignedInActor; token: string }>;
    const cells = { allowed: 0, refused: 0 };
    for (const { key, handler } of routes) {
      const entry = ROUTE_MATRIX[key]!;
      if (!entry.permission) continue;
      const allowed = rolesWith(entry.permission);
      for (const role of [null, ...ROLES] as const) {
        const caller = role ? tokens[role] : null;
        const prepared = entry.request ? await entry.request({ db: database.db, actor: caller?.user ?? tokens.READER.user }) : {};
        const request = new Request(`http://pactwatch.test/${key}`, {
          method: key.split(" ")[0],
          headers: { "content-type": "application/json", ...(caller ? { authorization: `Bearer ${caller.token}` } : {}) },
          body: JSON.stringify(prepared.body ?? {}),
        });
        const before = await databaseFingerprint(database.db);
        const response = await runAsActor(null, () => handler(request, { params: Promise.resolve(prepared.params ?? {}) }));
        if (role && allowed.includes(role)) {
          expect(response.status, `${key} as ${role}: ${await response.clone().text()}`).toBeLessThan(400);
          cells.allowed += 1;
        } else {
          expect(response.status, `${key} as ${role ?? "anonymous"}`).toBe(role ? 403 : 401);
          // Using a token updates its lastUsedAt; nothing else may change.
          const after = await databaseFingerprint(database.db);
          expect({ ...after, ApiToken: "" }, `${key} as ${role ?? "anonymous"} wrote something`).toEqual({ ...before, ApiToken: "" });
          cells.refused += 1;
        }
      }
    }
    const guarded = routes.filter(({ key }) => ROUTE_MATRIX[key]!.permission).length;
    expect(guarded, "no guarded mutating route was checked").toBeGreaterThan(0);
    expect(cells.allowed + cells.refused).toBe(guarded * (ROLES.length + 1));
    expect(cells.allowed).toBeGreaterThan(0);
  });
});
