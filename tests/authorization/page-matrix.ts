import type { TDatabase } from "../../lib/server/db";
import type { TSignedInActor } from "../../lib/server/permissions";
import { logStatusChange } from "../../lib/server/status-changes/log-status-change";
import { ZAddCondition } from "../../lib/schemas/condition";
import { addCondition } from "../../lib/server/conditions/add-condition";
import { ZAddPosition } from "../../lib/schemas/party-position";
import { addPosition } from "../../lib/server/positions/add-position";
import { createTestAgreement, logInput } from "../support/desk-factories";

// Page reads, pinned by hand from SPEC §2 and §4: what each page under app/ is for, as the
// permission of ./spec-roles.ts whose holders may open it ("signed-in": any account; "anyone":
// even anonymous with PUBLIC_READ=false). Reading pages go through the (public) layout, which
// applies PUBLIC_READ. A new page fails the matrix until it has a row here.

export type TPageNeed = string | "signed-in" | "anyone";

export type TPageRecords = {
  slug: string;
  measureSlug: string;
  publishedId: string;
  ownDraftId: string;
  sourceId: string;
  userId: string;
  conditionId: string;
  positionId: string;
};

const READING = "published:read";

/** Keyed by file under app/; params name the rows of TPageRecords each dynamic segment takes. */
export const PAGE_MATRIX: Record<string, { needs: TPageNeed; params?: (records: TPageRecords) => Record<string, string> }> = {
  "(auth)/sign-in/page.tsx": { needs: "anyone" },
  "(account)/account/page.tsx": { needs: "signed-in" },
  "(account)/account/subscriptions/page.tsx": { needs: "signed-in" },
  "(account)/account/outbox/page.tsx": { needs: "signed-in" },
  // Opened from a message's link, signed out; the token is checked when its form posts.
  "(auth)/unsubscribe/[id]/page.tsx": { needs: "anyone", params: (r) => ({ id: r.publishedId }) },
  "(public)/page.tsx": { needs: READING },
  "(public)/agreements/page.tsx": { needs: READING },
  "(public)/agreements/[slug]/page.tsx": { needs: READING, params: (r) => ({ slug: r.slug }) },
  "(public)/measures/page.tsx": { needs: READING },
  "(public)/measures/[slug]/page.tsx": { needs: READING, params: (r) => ({ slug: r.measureSlug }) },
  "(public)/developments/page.tsx": { needs: READING },
  "(public)/developments/[id]/page.tsx": { needs: READING, params: (r) => ({ id: r.publishedId }) },
  "(public)/developments/[id]/revisions/page.tsx": { needs: READING, params: (r) => ({ id: r.publishedId }) },
  "(public)/corrections/page.tsx": { needs: READING },
  "(public)/changes/page.tsx": { needs: READING },
  "(public)/parties/page.tsx": { needs: READING },
  "(public)/parties/[code]/page.tsx": { needs: READING, params: () => ({ code: "KOR" }) },
  "(public)/relations/page.tsx": { needs: READING },
  "(public)/relations/[pair]/page.tsx": { needs: READING, params: () => ({ pair: "JPN-KOR" }) },
  "(public)/relations/[pair]/mirror/page.tsx": { needs: READING, params: () => ({ pair: "JPN-KOR" }) },
  "(public)/sources/page.tsx": { needs: READING },
  "(public)/sources/[id]/page.tsx": { needs: READING, params: (r) => ({ id: r.sourceId }) },
  "(public)/search/page.tsx": { needs: READING },
  "(public)/methodology/page.tsx": { needs: READING },
  "(public)/methodology/problems/page.tsx": { needs: READING },
  "(public)/methodology/problems/[slug]/page.tsx": { needs: READING, params: () => ({ slug: "conflict" }) },
  // The analyst's desk: drafts are read by analysts and admins.
  "(desk)/desk/page.tsx": { needs: "draft:read" },
  "(desk)/desk/entries/[id]/page.tsx": { needs: "draft:read", params: (r) => ({ id: r.ownDraftId }) },
  "(desk)/desk/entries/[id]/revisions/page.tsx": { needs: "draft:read", params: (r) => ({ id: r.publishedId }) },
  "(desk)/desk/entries/[id]/edit/page.tsx": { needs: "status-change:edit", params: (r) => ({ id: r.publishedId }) },
  "(desk)/desk/log/page.tsx": { needs: "status-change:log" },
  // Two-person review (issue 12 item 5): the queue is for those who may decide, the switch the admins'.
  "(desk)/desk/review/page.tsx": { needs: "review:decide" },
  "(desk)/admin/settings/page.tsx": { needs: "settings:manage" },
  "(desk)/desk/entries/[id]/conditions/new/page.tsx": { needs: "condition:write", params: (r) => ({ id: r.publishedId }) },
  "(desk)/desk/conditions/[id]/page.tsx": { needs: "draft:read", params: (r) => ({ id: r.conditionId }) },
  "(desk)/desk/positions/page.tsx": { needs: "draft:read" },
  "(desk)/desk/positions/[id]/page.tsx": { needs: "draft:read", params: (r) => ({ id: r.positionId }) },
  "(desk)/desk/positions/[id]/supersede/page.tsx": { needs: "position:write", params: (r) => ({ id: r.positionId }) },
  "(desk)/desk/agreements/new/page.tsx": { needs: "agreement:write" },
  "(desk)/desk/agreements/[slug]/edit/page.tsx": { needs: "agreement:write", params: (r) => ({ slug: r.slug }) },
  "(desk)/desk/measures/new/page.tsx": { needs: "measure:write" },
  "(desk)/desk/measures/[slug]/edit/page.tsx": { needs: "measure:write", params: (r) => ({ slug: r.measureSlug }) },
  "(desk)/desk/parties/page.tsx": { needs: "party:write" },
  "(desk)/desk/relations/[pair]/mirror/page.tsx": { needs: "link:write", params: () => ({ pair: "JPN-KOR" }) },
  "(desk)/desk/parties/new/page.tsx": { needs: "party:write" },
  "(desk)/desk/parties/[code]/edit/page.tsx": { needs: "party:write", params: () => ({ code: "KOR" }) },
  // The admin's desk.
  "(desk)/admin/page.tsx": { needs: "audit:read" },
  "(desk)/admin/audit/page.tsx": { needs: "audit:read" },
  "(desk)/admin/deliveries/page.tsx": { needs: "delivery:monitor" },
  "(desk)/admin/sources/page.tsx": { needs: "source:edit" },
  "(desk)/admin/sources/[id]/page.tsx": { needs: "source:edit", params: (r) => ({ id: r.sourceId }) },
  "(desk)/admin/sources/duplicates/page.tsx": { needs: "source:merge" },
  "(desk)/admin/users/page.tsx": { needs: "user:manage" },
  "(desk)/admin/users/[id]/page.tsx": { needs: "user:manage", params: (r) => ({ id: r.userId }) },
};

/** One of everything a page can show, made through the use cases; the draft is `author`'s. */
export async function makePageRecords(db: TDatabase, author: TSignedInActor, someone: TSignedInActor): Promise<TPageRecords> {
  const slug = await createTestAgreement(db, author);
  const published = await logStatusChange(author, logInput(`agreement:${slug}`));
  const draft = await logStatusChange(author, logInput(`agreement:${slug}`, { intent: "draft", headline: "A draft of the author's" }));
  const parties = await db.party.findMany({ where: { code: { in: ["JPN", "KOR"] } }, select: { id: true, code: true } });
  const measure = await db.tradeMeasure.create({
    data: {
      slug: "page-matrix-measure",
      title: "Page matrix measure",
      measureType: "EXPORT_CONTROL",
      imposingPartyId: parties.find((party) => party.code === "JPN")!.id,
      targets: { create: [{ partyId: parties.find((party) => party.code === "KOR")!.id }] },
    },
  });
  const citation = await db.citation.findFirstOrThrow({ where: { statusChangeId: published.id }, select: { sourceId: true } });
  const condition = await addCondition(
    author,
    ZAddCondition.parse({ statusChangeId: published.id, statement: "Page matrix condition", state: "HOLDING", occurredOn: "2019-11-22", timeZone: "Asia/Seoul", citations: [{ sourceId: citation.sourceId }] }),
  );
  const position = await addPosition(
    author,
    ZAddPosition.parse({ subject: `measure:${measure.slug}`, partyCode: "JPN", speaker: "Page matrix minister", quote: "Page matrix words", quoteLanguage: "en", statedOn: "2019-07-02", timeZone: "Asia/Tokyo", citations: [{ sourceId: citation.sourceId }] }),
  );
  return { slug, measureSlug: measure.slug, publishedId: published.id, ownDraftId: draft.id, sourceId: citation.sourceId, userId: someone.id, conditionId: condition.id, positionId: position.id };
}
