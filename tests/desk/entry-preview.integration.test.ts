import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { HistoryEntry, historyMarkFor } from "../../components/history-entry";
import type { TSignedInActor } from "../../lib/server/permissions";
import { getStatusChange } from "../../lib/server/status-changes/get-status-change";
import { logStatusChange } from "../../lib/server/status-changes/log-status-change";
import { createTestAgreement, createTestUser, logInput } from "../support/desk-factories";
import { useTestDatabase } from "../support/test-database";

// The desk's "as readers see it" preview marks an entry by the rule of the subject's page: a
// change still ahead reads "Scheduled to take effect", never "Took effect".

const database = useTestDatabase();
let analyst: TSignedInActor;
let subject: string;

beforeAll(async () => {
  analyst = await createTestUser(database.db, "ANALYST");
  subject = `agreement:${await createTestAgreement(database.db, analyst)}`;
});

async function previewText(id: string) {
  const entry = await getStatusChange(analyst, id);
  const mark = historyMarkFor(entry.preview, entry.previewStatus);
  const text = renderToStaticMarkup(createElement(HistoryEntry, { entry: entry.preview, mark })).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
  return { mark, text };
}

describe("the desk's preview of an entry", () => {
  it("says a published change still ahead is scheduled, and one in the past took effect", async () => {
    const ahead = await logStatusChange(analyst, logInput(subject, { status: "TERMINATED", headline: "Termination decided", effectiveAt: "2099-01-30T00:00", effectiveTimeZone: "Asia/Seoul" }));
    const { mark, text } = await previewText(ahead.id);
    expect(mark).toEqual({ kind: "pending" });
    expect(text).toContain("Scheduled to take effect 30 January 2099");
    expect(text).not.toContain("Took effect");

    const past = await logStatusChange(analyst, logInput(subject, { status: "SUSPENDED", headline: "Suspended", occurredOn: "2019-11-20", effectiveAt: "2019-11-21T00:00", effectiveTimeZone: "Asia/Seoul" }));
    const before = await previewText(past.id);
    expect(before.mark).toEqual({ kind: "current" });
    expect(before.text).toContain("Took effect 21 November 2019");
  });

  it("shows a draft as readers will see it once published", async () => {
    const draft = await logStatusChange(analyst, logInput(subject, { intent: "draft", status: "TERMINATED", headline: "Draft termination", effectiveAt: "2099-03-01T00:00", effectiveTimeZone: "Asia/Seoul" }));
    expect(draft.state).toBe("DRAFT");
    const { mark, text } = await previewText(draft.id);
    expect(mark).toEqual({ kind: "pending" });
    expect(text).toContain("Scheduled to take effect 1 March 2099");
  });
});
