import { beforeAll, describe, expect, it } from "vitest";
import { ZApproveReview, ZReturnReview, ZSetReviewRequired } from "../../lib/schemas/review";
import { ZEditStatusChange, ZPublishStatusChange, ZRetractStatusChange } from "../../lib/schemas/status-change";
import type { TSignedInActor } from "../../lib/server/permissions";
import { approveReview, OWN_APPROVAL_MESSAGE } from "../../lib/server/reviews/approve-review";
import { getReviewCredit } from "../../lib/server/reviews/get-review-credit";
import { listReviewQueue } from "../../lib/server/reviews/list-review-queue";
import { returnReview } from "../../lib/server/reviews/return-review";
import { setReviewRequired } from "../../lib/server/reviews/set-review-required";
import { listPublicRevisions } from "../../lib/server/revisions/list-public-revisions";
import { editStatusChange } from "../../lib/server/status-changes/edit-status-change";
import { getStatusChange } from "../../lib/server/status-changes/get-status-change";
import { logStatusChange } from "../../lib/server/status-changes/log-status-change";
import { publishStatusChange } from "../../lib/server/status-changes/publish-status-change";
import { retractStatusChange } from "../../lib/server/status-changes/retract-status-change";
import { POST as approveRoute } from "../../app/api/v1/reviews/[id]/approve/route";
import { GET as queueRoute } from "../../app/api/v1/reviews/route";
import { POST as returnRoute } from "../../app/api/v1/reviews/[id]/return/route";
import { POST as submitRoute } from "../../app/api/v1/status-changes/[id]/submit/route";
import { callRoute } from "../api/call-route";
import { countWrites, createTestAgreement, createTestUser, logInput } from "../support/desk-factories";
import { useTestDatabase } from "../support/test-database";
import { createTestToken } from "../support/users";
import { refusal } from "../support/refusal";

// Issue 12 item 5 (decision 034): with two-person review on, publications, corrections and
// retractions wait for a second account; the author never approves their own.

const database = useTestDatabase();
let author: TSignedInActor;
let colleague: TSignedInActor;
let admin: TSignedInActor;
let otherAdmin: TSignedInActor;
let slug: string;

beforeAll(async () => {
  author = await createTestUser(database.db, "ANALYST", "Submitting Analyst");
  colleague = await createTestUser(database.db, "ANALYST", "Reviewing Analyst");
  admin = await createTestUser(database.db, "ADMIN", "Switching Admin");
  otherAdmin = await createTestUser(database.db, "ADMIN", "Second Admin");
  slug = await createTestAgreement(database.db, author);
});

async function switchReview(isOn: boolean) {
  const setting = await database.db.deskSetting.findUnique({ where: { id: 1 } });
  return setReviewRequired(admin, ZSetReviewRequired.parse({ isReviewRequired: isOn ? "on" : "", version: String(setting?.version ?? 0) }));
}

const jobsFor = async (id: string) =>
  ((await database.db.$queryRawUnsafe(`SELECT count(*)::int AS "count" FROM pgboss.job WHERE name = 'subscription-fan-out' AND data->>'statusChangeId' = $1`, id)) as { count: number }[])[0]!.count;

async function submittedDraft() {
  const submitted = await logStatusChange(author, logInput(`agreement:${slug}`, { intent: "publish" }));
  if (!("review" in submitted)) throw new Error("expected a submission");
  return submitted;
}

describe("the switch", () => {
  it("is off on a fresh database, audited when an admin turns it on or off, refused to analysts and to a stale version", async () => {
    const published = await logStatusChange(author, logInput(`agreement:${slug}`));
    expect(published.state).toBe("PUBLISHED");
    await expect(setReviewRequired(author, ZSetReviewRequired.parse({ isReviewRequired: "on", version: "0" }))).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await switchReview(true)).isReviewRequired).toBe(true);
    expect((await refusal(setReviewRequired(admin, ZSetReviewRequired.parse({ isReviewRequired: "", version: "0" })))).code).toBe("CONFLICT");
    const events = await database.db.auditEvent.findMany({ where: { action: "settings:review" }, orderBy: { id: "asc" } });
    expect(events.map((event) => [event.actorId, event.before, event.after])).toEqual([[admin.id, { isReviewRequired: false }, { isReviewRequired: true }]]);
    await switchReview(false);
    expect((await logStatusChange(author, logInput(`agreement:${slug}`))).state).toBe("PUBLISHED");
    expect(await database.db.auditEvent.count({ where: { action: "settings:review" } })).toBe(2);
  });
});

describe("with review on", () => {
  beforeAll(() => switchReview(true));

  it("turns publish into a submission: a draft, queued oldest first, no subscriber told", async () => {
    const first = await submittedDraft();
    const second = await submittedDraft();
    expect(first.state).toBe("DRAFT");
    expect(await jobsFor(first.id)).toBe(0);
    const queue = await listReviewQueue(colleague);
    const ids = queue.items.map((item) => item.id);
    expect(ids.indexOf(first.review.id)).toBeLessThan(ids.indexOf(second.review.id));
    expect(queue.items.find((item) => item.id === first.review.id)).toMatchObject({ kind: "PUBLICATION", isOwn: false, mayDecide: true, submittedBy: "Submitting Analyst" });
    expect((await listReviewQueue(author)).items.find((item) => item.id === first.review.id)).toMatchObject({ isOwn: true, mayDecide: false });
  });

  it("refuses the author's own approval (FORBIDDEN, on the API 403), writing nothing", async () => {
    const submitted = await submittedDraft();
    const writes = await countWrites(database.db);
    const error = await refusal(approveReview(author, ZApproveReview.parse({ id: submitted.review.id, version: "1" })));
    expect(error.code).toBe("FORBIDDEN");
    expect(error.message).toBe(OWN_APPROVAL_MESSAGE);
    const token = await createTestToken(database.db, author.id);
    const answer = await callRoute(approveRoute, "POST", { token, params: { id: submitted.review.id }, body: { version: 1 } });
    expect(answer.status).toBe(403);
    expect(answer.json?.detail).toBe(OWN_APPROVAL_MESSAGE);
    expect(await countWrites(database.db)).toEqual(writes);
    expect((await database.db.statusChange.findUniqueOrThrow({ where: { id: submitted.id } })).state).toBe("DRAFT");
  });

  it("publishes on another analyst's approval, recording the reviewer for readers, and only then enqueues the fan-out", async () => {
    const submitted = await submittedDraft();
    const approved = await approveReview(colleague, ZApproveReview.parse({ id: submitted.review.id, version: "1" }));
    expect(approved).toMatchObject({ state: "PUBLISHED", review: { state: "APPROVED" } });
    const entry = await database.db.statusChange.findUniqueOrThrow({ where: { id: submitted.id } });
    expect(entry).toMatchObject({ state: "PUBLISHED", reviewedById: colleague.id, authorId: author.id });
    expect(await jobsFor(submitted.id)).toBe(1);
    expect(await getReviewCredit(null, submitted.id)).toBe("An analyst");
    const revisions = await listPublicRevisions(null, submitted.id);
    expect(revisions.versions.at(-1)).toMatchObject({ reviewedBy: "An analyst" });
    expect(await database.db.auditEvent.count({ where: { action: "review:approve", entityId: submitted.review.id, actorId: colleague.id } })).toBe(1);
    // Decided once: a second approval is a conflict.
    expect((await refusal(approveReview(admin, ZApproveReview.parse({ id: submitted.review.id, version: "2" })))).code).toBe("CONFLICT");
  });

  it("returns a submission with a comment: the draft stays, the author reads the comment, and may resubmit", async () => {
    const submitted = await submittedDraft();
    expect(ZReturnReview.safeParse({ id: submitted.review.id, version: "1", comment: "  " }).success, "a return says why").toBe(false);
    const returned = await returnReview(colleague, ZReturnReview.parse({ id: submitted.review.id, version: "1", comment: "The date is Seoul's, not Tokyo's: check it." }));
    expect(returned).toMatchObject({ state: "DRAFT", review: { state: "RETURNED" } });
    const request = await database.db.reviewRequest.findUniqueOrThrow({ where: { id: submitted.review.id } });
    expect(request).toMatchObject({ state: "RETURNED", reviewerId: colleague.id, comment: "The date is Seoul's, not Tokyo's: check it." });
    expect(await jobsFor(submitted.id)).toBe(0);
    const again = await publishStatusChange(author, ZPublishStatusChange.parse({ id: submitted.id, version: String(submitted.version) }));
    expect(again).toMatchObject({ state: "DRAFT", review: { state: "SUBMITTED" } });
  });

  it("holds a correction of a published entry until approved, then writes it as the author's with the reviewer", async () => {
    const submitted = await submittedDraft();
    await approveReview(admin, ZApproveReview.parse({ id: submitted.review.id, version: "1" }));
    const current = await getStatusChange(author, submitted.id);
    const edit = ZEditStatusChange.parse({ ...current.formValues, id: submitted.id, version: String(current.record.version), intent: "save", headline: "Corrected under review", changeKind: "CORRECTION", correctionType: "WRONG_DATE", reason: "The date was Tokyo's." });
    const correction = await editStatusChange(author, edit);
    if (!("review" in correction)) throw new Error("expected a submission");
    expect((await database.db.statusChange.findUniqueOrThrow({ where: { id: submitted.id } })).headline).not.toBe("Corrected under review");
    // Someone else's waiting change blocks a second submission of the same entry.
    const other = ZEditStatusChange.parse({ ...current.formValues, id: submitted.id, version: String(current.record.version), intent: "save", headline: "A colleague's edit", changeKind: "CLARIFICATION", reason: "Wording." });
    expect((await refusal(editStatusChange(colleague, other))).code).toBe("CONFLICT");
    await approveReview(colleague, ZApproveReview.parse({ id: correction.review.id, version: "1" }));
    const revision = await database.db.revision.findFirstOrThrow({ where: { entityId: submitted.id }, orderBy: { version: "desc" } });
    expect(revision).toMatchObject({ kind: "CORRECTION", correctionType: "WRONG_DATE", reason: "The date was Tokyo's.", actorId: author.id, reviewerId: colleague.id });
    expect((await database.db.statusChange.findUniqueOrThrow({ where: { id: submitted.id } })).headline).toBe("Corrected under review");
  });

  it("holds a retraction until another admin approves it; an analyst may not approve a retraction", async () => {
    const submitted = await submittedDraft();
    await approveReview(colleague, ZApproveReview.parse({ id: submitted.review.id, version: "1" }));
    const entry = await database.db.statusChange.findUniqueOrThrow({ where: { id: submitted.id } });
    const retraction = await retractStatusChange(admin, ZRetractStatusChange.parse({ id: submitted.id, version: String(entry.version), reason: "Misreported." }));
    if (!("review" in retraction) || !retraction.review) throw new Error("expected a submission");
    const submittedRetraction = retraction.review as { id: string };
    expect((await database.db.statusChange.findUniqueOrThrow({ where: { id: submitted.id } })).state).toBe("PUBLISHED");
    expect((await refusal(approveReview(admin, ZApproveReview.parse({ id: submittedRetraction.id, version: "1" })))).code).toBe("FORBIDDEN");
    expect((await refusal(approveReview(colleague, ZApproveReview.parse({ id: submittedRetraction.id, version: "1" })))).code).toBe("FORBIDDEN");
    await approveReview(otherAdmin, ZApproveReview.parse({ id: submittedRetraction.id, version: "1" }));
    const retracted = await database.db.statusChange.findUniqueOrThrow({ where: { id: submitted.id } });
    expect(retracted).toMatchObject({ state: "RETRACTED", retractedById: admin.id, retractionReason: "Misreported." });
    expect(await jobsFor(submitted.id)).toBe(2);
  });

  it("refuses to approve a draft that changed after it was submitted (its submission is withdrawn)", async () => {
    const submitted = await submittedDraft();
    const current = await getStatusChange(author, submitted.id);
    await editStatusChange(author, ZEditStatusChange.parse({ ...current.formValues, id: submitted.id, version: String(current.record.version), intent: "save", headline: "Changed after submitting" }));
    expect((await database.db.reviewRequest.findUniqueOrThrow({ where: { id: submitted.review.id } })).state).toBe("WITHDRAWN");
    expect((await refusal(approveReview(colleague, ZApproveReview.parse({ id: submitted.review.id, version: "1" })))).code).toBe("CONFLICT");
  });

  it("offers scripts submit, approve and return through the API", async () => {
    const draft = await logStatusChange(author, logInput(`agreement:${slug}`, { intent: "draft" }));
    const [authorToken, colleagueToken] = [await createTestToken(database.db, author.id), await createTestToken(database.db, colleague.id)];
    const submitted = await callRoute(submitRoute, "POST", { token: authorToken, params: { id: draft.id }, body: { version: 1 } });
    expect(submitted.status).toBe(200);
    const reviewId = submitted.json!.review.id as string;
    const queue = await callRoute(queueRoute, "GET", { token: colleagueToken, query: { limit: 100 } });
    expect(queue.json!.data.find((row: { id: string }) => row.id === reviewId)).toMatchObject({ kind: "PUBLICATION", isOwn: false, mayDecide: true, links: { approve: `/api/v1/reviews/${reviewId}/approve` } });
    const returned = await callRoute(returnRoute, "POST", { token: colleagueToken, params: { id: reviewId }, body: { version: 1, comment: "Add the ministry's statement." } });
    expect(returned.json).toMatchObject({ state: "DRAFT", review: { state: "RETURNED" } });
    const resubmitted = await callRoute(submitRoute, "POST", { token: authorToken, params: { id: draft.id }, body: { version: 1 } });
    const approved = await callRoute(approveRoute, "POST", { token: colleagueToken, params: { id: resubmitted.json!.review.id as string }, body: { version: 1 } });
    expect(approved.json).toMatchObject({ state: "PUBLISHED", review: { state: "APPROVED" } });
  });
});

describe("after review is switched off again", () => {
  it("leaves waiting submissions decidable, and a direct publication withdraws the entry's own", async () => {
    await switchReview(true);
    const waiting = await submittedDraft();
    const direct = await submittedDraft();
    await switchReview(false);
    expect((await listReviewQueue(colleague)).items.map((item) => item.id)).toEqual(expect.arrayContaining([waiting.review.id, direct.review.id]));
    await expect(approveReview(colleague, ZApproveReview.parse({ id: waiting.review.id, version: "1" }))).resolves.toMatchObject({ state: "PUBLISHED" });
    await expect(publishStatusChange(author, ZPublishStatusChange.parse({ id: direct.id, version: String(direct.version) }))).resolves.toMatchObject({ state: "PUBLISHED" });
    expect((await database.db.reviewRequest.findUniqueOrThrow({ where: { id: direct.review.id } })).state).toBe("WITHDRAWN");
    expect((await listReviewQueue(colleague)).items.map((item) => item.id)).not.toContain(direct.review.id);
  });
});
