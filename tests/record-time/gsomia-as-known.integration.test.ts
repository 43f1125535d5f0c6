import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../../prisma/seed/seed-database";
import { getAgreement } from "../../lib/server/agreements/get-agreement";
import { getPublishedChange } from "../../lib/server/status-changes/get-published-change";
import { listPublishedChanges } from "../../lib/server/status-changes/list-published-changes";
import { useTestDatabase } from "../support/test-database";

// The demo day itself (issue 12, decision 029): GSOMIA as known on 22 November 2019. Seoul's
// suspension of its notice is known from the Korea Herald's report at 18:24 KST (the other two
// cited reports carry a date only, so count from the end of that day).

const database = useTestDatabase();
const known = (iso: string) => ({ instant: new Date(iso), axis: "known" as const });

beforeAll(async () => {
  await seedDemoData(database.db);
}, 120_000);

describe("GSOMIA as known on 22 November 2019", () => {
  it("at 12:00 Seoul time: notice given, termination pending at midnight", async () => {
    const gsomia = await getAgreement(null, "gsomia", new Date(), known("2019-11-22T12:00:00+09:00"));
    expect(gsomia.status.current?.status).toBe("NOTICE_GIVEN");
    expect(gsomia.status.pending.map((change) => [change.status, change.effectiveAt.toISOString()])).toEqual([["TERMINATED", "2019-11-22T15:00:00.000Z"]]);
    // Nothing of later years, and the suspension is not yet known.
    expect(gsomia.skeleton.every((change) => change.occurredAt.getTime() <= Date.parse("2019-11-22T03:00:00Z"))).toBe(true);
    expect(gsomia.skeleton.some((change) => change.status === "PROVISIONALLY_EXTENDED")).toBe(false);
  });

  it("at 23:00 Seoul time: provisionally extended, the termination cancelled", async () => {
    const gsomia = await getAgreement(null, "gsomia", new Date(), known("2019-11-22T23:00:00+09:00"));
    expect(gsomia.status.current?.status).toBe("PROVISIONALLY_EXTENDED");
    expect(gsomia.status.pending).toEqual([]);
    const byId = new Map(gsomia.skeleton.map((change) => [change.id, change]));
    expect(gsomia.status.cancelled.map((change) => [byId.get(change.changeId)?.status, byId.get(change.cancelledById)?.status])).toEqual([["TERMINATED", "PROVISIONALLY_EXTENDED"]]);
  });

  it("the history lists only what was public, with only the citations published by then", async () => {
    const noon = await listPublishedChanges(null, { agreement: "gsomia" }, { asOf: known("2019-11-22T12:00:00+09:00") });
    expect(noon.entries.map((entry) => entry.status)).not.toContain("PROVISIONALLY_EXTENDED");
    const sources = noon.entries.flatMap((entry) => entry.citations.map((citation) => citation.source.publishedAt?.getTime() ?? 0));
    expect(Math.max(...sources)).toBeLessThan(Date.parse("2019-11-22T03:00:00Z"));
    expect(noon.entries.every((entry) => entry.knownAt !== null && entry.knownAt.getTime() <= Date.parse("2019-11-22T03:00:00Z"))).toBe(true);

    const night = await listPublishedChanges(null, { agreement: "gsomia" }, { asOf: known("2019-11-22T23:00:00+09:00") });
    const suspension = night.entries.find((entry) => entry.status === "PROVISIONALLY_EXTENDED")!;
    expect(suspension.knownAt?.toISOString()).toBe("2019-11-22T09:24:00.000Z");
    // Only the Korea Herald (18:24 KST) is public by 23:00; NYT and Yonhap give the date alone.
    expect(suspension.citations.map((citation) => citation.source.publisher)).toEqual(["The Korea Herald"]);
    await expect(getPublishedChange(null, suspension.id, new Date(), known("2019-11-22T12:00:00+09:00"))).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await getPublishedChange(null, suspension.id, new Date(), known("2019-11-22T23:00:00+09:00"))).headline).toBe(suspension.headline);
  });

  it("today the record shows the present and, on the recorded axis, nothing before the seed was recorded", async () => {
    const now = await getAgreement(null, "gsomia", new Date(), known(new Date().toISOString()));
    const present = await getAgreement(null, "gsomia");
    expect(now.status.current?.status).toBe(present.status.current?.status);
    const recorded = await getAgreement(null, "gsomia", new Date(), { instant: new Date("2019-11-22T14:00:00Z"), axis: "recorded" });
    expect(recorded.status.current).toBeNull();
    expect(recorded.skeleton).toEqual([]);
  });
});

// The same through the JSON API: asOf on the agreement and on the history, hostile asOf a 422.
import { runAsActor } from "../../lib/server/auth/actor-context";
import { GET as getAgreementApi } from "../../app/api/v1/agreements/[slug]/get";
import { GET as listChangesApi } from "../../app/api/v1/status-changes/get";

type THandler<TParams> = (request: Request, context: { params: Promise<TParams> }) => Promise<Response>;
function call<TParams>(handler: THandler<TParams>, path: string, params: TParams = {} as TParams): Promise<Response> {
  return runAsActor(null, () => handler(new Request(`http://localhost:3000${path}`), { params: Promise.resolve(params) }));
}

describe("the API as of an instant", () => {
  it("gives the agreement as known at 12:00 and at 23:00 Seoul time, with links that keep the instant", async () => {
    const noon = (await (await call(getAgreementApi, "/api/v1/agreements/gsomia?asOf=2019-11-22T12:00", { slug: "gsomia" })).json()) as {
      data: { status: { current: { status: string }; pending: { status: string; effectiveAt: string }[] }; asOf: { instant: string; axis: string }; links: { history: string } };
    };
    expect(noon.data.status.current.status).toBe("NOTICE_GIVEN");
    expect(noon.data.status.pending).toMatchObject([{ status: "TERMINATED", effectiveAt: "2019-11-22T15:00:00.000Z" }]);
    // A wall time is read in the agreement's zone (Asia/Seoul).
    expect(noon.data.asOf).toEqual({ instant: "2019-11-22T03:00:00.000Z", axis: "known" });
    expect(noon.data.links.history).toContain("asOf=2019-11-22T03%3A00%3A00.000Z");
    const night = (await (await call(getAgreementApi, "/api/v1/agreements/gsomia?asOf=2019-11-22T23:00%2B09:00&axis=known", { slug: "gsomia" })).json()) as {
      data: { status: { current: { status: string } } };
    };
    expect(night.data.status.current.status).toBe("PROVISIONALLY_EXTENDED");

    const history = (await (await call(listChangesApi, `${noon.data.links.history}&limit=100`)).json()) as { data: { status: string; knownAt: string }[] };
    expect(history.data.map((entry) => entry.status)).not.toContain("PROVISIONALLY_EXTENDED");
    expect(history.data.every((entry) => Date.parse(entry.knownAt) <= Date.parse("2019-11-22T03:00:00Z"))).toBe(true);
    const later = (await (await call(listChangesApi, "/api/v1/status-changes?agreement=gsomia&asOf=2019-11-22T14:00:00Z")).json()) as { data: { status: string; schedule: string | null }[] };
    // Newest first by effect: the termination due at midnight, cancelled as known then; then the suspension.
    expect(later.data.slice(0, 2).map((entry) => [entry.status, entry.schedule])).toEqual([["TERMINATED", "cancelled"], ["PROVISIONALLY_EXTENDED", null]]);
  });

  it("answers hostile asOf and axis with 422, never a 500", async () => {
    for (const query of ["asOf=2019-02-30", "asOf=0000-01-01", "asOf=%00", "asOf=2019-11-22T25:00", `asOf=${"9".repeat(500)}`, "axis=sideways", "asOf=2019-11-22T12:00+09:99", "asOf=2019-11-22T12:00:00.000000Z"]) {
      const agreement = await call(getAgreementApi, `/api/v1/agreements/gsomia?${query}`, { slug: "gsomia" });
      const history = await call(listChangesApi, `/api/v1/status-changes?${query}`);
      expect([agreement.status, history.status], query).toEqual([422, 422]);
    }
  });
});
