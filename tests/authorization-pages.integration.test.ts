import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Role } from "../lib/generated/prisma/enums";
import { runAsActor } from "../lib/server/auth/actor-context";
import { resetEnvCache } from "../lib/server/env";
import type { TActor, TSignedInActor } from "../lib/server/permissions";
import { APP, filesNamed } from "./authorization/app-handlers";
import { makePageRecords, PAGE_MATRIX, type TPageNeed, type TPageRecords } from "./authorization/page-matrix";
import { specAllows } from "./authorization/spec-roles";
import { useTestDatabase } from "./support/test-database";
import { createTestUser } from "./support/users";

// Pages are server components: calling a page (after the layouts above it) as an actor runs
// its checks and data reads as a request would. Outside a request there are no headers, so
// the path header the proxy sets is given here.
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-pactwatch-path": "/page-matrix" }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false }),
}));
vi.mock("next/server", async (original) => ({ ...(await original<typeof import("next/server")>()), connection: async () => {} }));
// forbidden() is on in next.config.js (experimental.authInterrupts); Next.js reads this at run time.
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";

type TOutcome = "rendered" | "sign-in" | "forbidden" | "not-found" | `redirect ${string}`;
type TComponent = (props: Record<string, unknown>) => Promise<unknown> | unknown;

const ROLES: Role[] = ["READER", "ANALYST", "ADMIN"];
const database = useTestDatabase();
let users: Record<Role, TSignedInActor>;
let otherAnalyst: TSignedInActor;
let records: TPageRecords;

beforeAll(async () => {
  users = { READER: await createTestUser(database.db, "READER"), ANALYST: await createTestUser(database.db, "ANALYST"), ADMIN: await createTestUser(database.db, "ADMIN") };
  otherAnalyst = await createTestUser(database.db, "ANALYST");
  records = await makePageRecords(database.db, users.ANALYST, users.READER);
});
afterEach(() => {
  process.env.PUBLIC_READ = "true";
  resetEnvCache();
});

/** The layouts between app/ and the page (the root layout only frames the document). */
function layoutsAbove(file: string): string[] {
  const parts = path.dirname(file).split(path.sep).filter((part) => part !== ".");
  return parts.map((_, index) => path.join(APP, ...parts.slice(0, index + 1), "layout.tsx")).filter((layout) => fs.existsSync(layout));
}

async function visit(file: string, actor: TActor, params: Record<string, string>): Promise<TOutcome> {
  const props = { params: Promise.resolve(params), searchParams: Promise.resolve({}) };
  try {
    await runAsActor(actor, async () => {
      for (const layout of layoutsAbove(file)) await ((await import(layout)) as { default: TComponent }).default({ ...props, children: null });
      await ((await import(path.join(APP, file))) as { default: TComponent }).default(props);
    });
    return "rendered";
  } catch (error) {
    const digest = String((error as { digest?: string }).digest ?? "");
    if (digest.startsWith("NEXT_REDIRECT")) {
      const target = digest.split(";")[2] ?? "";
      return target.startsWith("/sign-in") ? "sign-in" : `redirect ${target}`;
    }
    if (digest === "NEXT_HTTP_ERROR_FALLBACK;403") return "forbidden";
    if (digest === "NEXT_HTTP_ERROR_FALLBACK;404") return "not-found";
    throw error;
  }
}

function expectedOutcome(needs: TPageNeed, role: Role | null, isPublicRead: boolean): "allowed" | "sign-in" | "forbidden" {
  if (needs === "anyone") return "allowed";
  if (needs === "signed-in") return role ? "allowed" : "sign-in";
  if (specAllows(role, needs, isPublicRead)) return "allowed";
  return role ? "forbidden" : "sign-in";
}

describe("page reads", () => {
  it("lists every page under app/", () => {
    const pages = filesNamed("page.tsx").map((file) => path.relative(APP, file));
    expect(pages.filter((page) => !(page in PAGE_MATRIX)), "pages missing from tests/authorization/page-matrix.ts").toEqual([]);
    expect(Object.keys(PAGE_MATRIX).filter((page) => !pages.includes(page)), "rows for pages that no longer exist").toEqual([]);
  });

  it("open for each role SPEC §2 allows, send anonymous visitors to sign in and answer 403 to the rest, with PUBLIC_READ on and off", { timeout: 300_000 }, async () => {
    const wrong: string[] = [];
    let cells = 0;
    for (const isPublicRead of [true, false]) {
      process.env.PUBLIC_READ = String(isPublicRead);
      resetEnvCache();
      for (const [file, row] of Object.entries(PAGE_MATRIX)) {
        for (const role of [null, ...ROLES] as const) {
          const outcome = await visit(file, role ? users[role] : null, row.params?.(records) ?? {});
          const expected = expectedOutcome(row.needs, role, isPublicRead);
          // Signed-in visitors of the sign-in page are sent on to where they were going.
          const isAllowed = outcome === "rendered" || (row.needs === "anyone" && outcome.startsWith("redirect "));
          if (expected === "allowed" ? !isAllowed : outcome !== expected) wrong.push(`${file} as ${role ?? "anonymous"} (PUBLIC_READ=${isPublicRead}): ${outcome}, expected ${expected}`);
          cells += 1;
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(cells).toBe(Object.keys(PAGE_MATRIX).length * 4 * 2);
  });

  it("let an analyst open their own draft for editing, not another analyst's; an admin opens anyone's", async () => {
    const edit = "(desk)/desk/entries/[id]/edit/page.tsx";
    const params = { id: records.ownDraftId };
    expect(await visit(edit, users.ANALYST, params)).toBe("rendered");
    expect(await visit(edit, otherAnalyst, params)).toBe("forbidden");
    expect(await visit(edit, users.ADMIN, params)).toBe("rendered");
    // Reading a colleague's draft on the desk is allowed (draft:read); changing it is not.
    expect(await visit("(desk)/desk/entries/[id]/page.tsx", otherAnalyst, params)).toBe("rendered");
  });
});
