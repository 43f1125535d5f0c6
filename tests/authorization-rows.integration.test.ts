import { describe, expect, it } from "vitest";
import * as statusChangeRoutes from "../app/api/v1/status-changes/[id]/route";
import * as publishRoutes from "../app/api/v1/status-changes/[id]/publish/route";
import * as approveRoutes from "../app/api/v1/reviews/[id]/approve/route";
import { approveReviewAction } from "../app/(desk)/desk/review/actions";
import { approveReview, OWN_APPROVAL_MESSAGE } from "../lib/server/reviews/approve-review";
import { submitStatusChange } from "../lib/server/reviews/submit-status-change";
import { runAction } from "./authorization/app-handlers";
import { ZEditStatusChange } from "../lib/schemas/status-change";
import { runAsActor } from "../lib/server/auth/actor-context";
import type { TSignedInActor } from "../lib/server/permissions";
import { editStatusChange } from "../lib/server/status-changes/edit-status-change";
import { getStatusChange } from "../lib/server/status-changes/get-status-change";
import { logStatusChange } from "../lib/server/status-changes/log-status-change";
import { publishStatusChange } from "../lib/server/status-changes/publish-status-change";
import { disableUser } from "../lib/server/users/disable-user";
import { setUserRole } from "../lib/server/users/set-user-role";
import { databaseFingerprint } from "./support/database-fingerprint";
import { CLARIFICATION, createTestAgreement, logInput } from "./support/desk-factories";
import { useTestDatabase } from "./support/test-database";
import { createTestToken, createTestUser } from "./support/users";

// The row-level rules of the authorisation matrix: holding a permission is not enough when the
// row says otherwise (SPEC §2 "edit their own drafts"; "the last admin stays", README).

const database = useTestDatabase();

async function editedHeadline(actor: TSignedInActor, id: string, headline: string) {
  const current = await getStatusChange(actor, id);
  return editStatusChange(actor, ZEditStatusChange.parse({ ...current.formValues, ...CLARIFICATION, id, version: current.record.version, headline }));
}

function jsonRequest(method: string, token: string, body: unknown) {
  return new Request("http://pactwatch.test/api/v1/status-changes", { method, headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
}

describe("drafts", () => {
  it("are changed by their author and by admins; another analyst is refused on every transport, writing nothing", async () => {
    const [author, colleague, admin] = [await createTestUser(database.db, "ANALYST"), await createTestUser(database.db, "ANALYST"), await createTestUser(database.db, "ADMIN")];
    const slug = await createTestAgreement(database.db, admin);
    const draft = await logStatusChange(author, logInput(`agreement:${slug}`, { intent: "draft" }));
    const colleagueToken = await createTestToken(database.db, colleague.id);

    const before = await databaseFingerprint(database.db);
    await expect(editedHeadline(colleague, draft.id, "Rewritten by a colleague")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(publishStatusChange(colleague, { id: draft.id, version: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const patch = await runAsActor(null, () => statusChangeRoutes.PATCH(jsonRequest("PATCH", colleagueToken, { version: 1, headline: "Via the API" }), { params: Promise.resolve({ id: draft.id }) }));
    const publish = await runAsActor(null, () => publishRoutes.POST(jsonRequest("POST", colleagueToken, { version: 1 }), { params: Promise.resolve({ id: draft.id }) }));
    expect([patch.status, publish.status]).toEqual([403, 403]);
    expect({ ...(await databaseFingerprint(database.db)), ApiToken: "" }).toEqual({ ...before, ApiToken: "" });

    await expect(editedHeadline(admin, draft.id, "Tightened by the admin")).resolves.toMatchObject({ version: 2 });
    await expect(publishStatusChange(author, { id: draft.id, version: 2 })).resolves.toMatchObject({ state: "PUBLISHED" });
    // Published, the entry is anyone's with status-change:edit to correct (kept as a revision).
    await expect(editedHeadline(colleague, draft.id, "Corrected by a colleague")).resolves.toMatchObject({ version: 4 });
  });
});

describe("two-person review", () => {
  it("never lets the author approve their own entry: refused on the desk and the API (403, FORBIDDEN, a clear message), writing nothing", async () => {
    const [author, reviewer] = [await createTestUser(database.db, "ADMIN"), await createTestUser(database.db, "ANALYST")];
    const slug = await createTestAgreement(database.db, author);
    const draft = await logStatusChange(author, logInput(`agreement:${slug}`, { intent: "draft" }));
    const { review } = await submitStatusChange(author, { id: draft.id, version: 1 });
    const token = await createTestToken(database.db, author.id);

    const before = await databaseFingerprint(database.db);
    await expect(approveReview(author, { id: review.id, version: 1 })).rejects.toMatchObject({ code: "FORBIDDEN", message: OWN_APPROVAL_MESSAGE });
    expect(await runAction(approveReviewAction, author, { id: review.id, version: "1" })).toMatchObject({ ok: false, code: "FORBIDDEN", error: OWN_APPROVAL_MESSAGE });
    const answer = await runAsActor(null, () => approveRoutes.POST(jsonRequest("POST", token, { version: 1 }), { params: Promise.resolve({ id: review.id }) }));
    expect(answer.status).toBe(403);
    expect(((await answer.json()) as { detail: string }).detail).toBe(OWN_APPROVAL_MESSAGE);
    expect({ ...(await databaseFingerprint(database.db)), ApiToken: "" }).toEqual({ ...before, ApiToken: "" });

    await expect(approveReview(reviewer, { id: review.id, version: 1 })).resolves.toMatchObject({ state: "PUBLISHED" });
  });
});

describe("the last admin", () => {
  it("cannot be demoted or disabled; with a second admin, either can go", async () => {
    // Other tests of this file made admins: this one starts with exactly one.
    await database.db.user.updateMany({ where: { role: "ADMIN" }, data: { role: "ANALYST" } });
    const only = await createTestUser(database.db, "ADMIN");
    const before = await databaseFingerprint(database.db);
    await expect(setUserRole(only, { email: only.email, role: "ANALYST" })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("last active admin") });
    await expect(setUserRole("system", { email: only.email, role: "READER" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(disableUser(only, { userId: only.id })).rejects.toMatchObject({ code: "CONFLICT" });
    // An admin disabled a moment ago (their request still in flight) cannot disable the last active one.
    const stale = await createTestUser(database.db, "ADMIN", { disabled: true });
    await expect(disableUser(stale, { userId: only.id })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("last active admin") });
    await database.db.user.delete({ where: { id: stale.id } });
    expect(await databaseFingerprint(database.db)).toEqual(before);

    const second = await createTestUser(database.db, "ADMIN");
    await expect(setUserRole(second, { email: only.email, role: "ANALYST" })).resolves.toMatchObject({ role: "ANALYST" });
    await expect(setUserRole(second, { email: second.email, role: "ANALYST" })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
