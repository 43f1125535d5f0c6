import type { Role } from "../../lib/generated/prisma/enums";

// SPEC §2 (/work/shared/SPEC.md "Roles"), copied by hand as a literal. It is deliberately NOT
// derived from lib/server/permissions.ts: the matrix compares that table, and the app's real
// behaviour, to this one cell by cell, so a wrong grant in the code fails the suite. Change this
// only when the SPEC changes.

const EVERYONE: readonly Role[] = ["READER", "ANALYST", "ADMIN"];
const ANALYSTS_AND_ADMINS: readonly Role[] = ["ANALYST", "ADMIN"];
const ADMINS: readonly Role[] = ["ADMIN"];

export const SPEC_ROLES_BY_PERMISSION: Record<string, readonly Role[]> = {
  // reader: "read everything published … Anonymous reading is on by default; PUBLIC_READ=false requires sign-in."
  "published:read": EVERYONE,
  // analyst: "log status changes with citations; … edit their own drafts; edit published entries"
  "draft:read": ANALYSTS_AND_ADMINS,
  "status-change:log": ANALYSTS_AND_ADMINS,
  "status-change:publish": ANALYSTS_AND_ADMINS,
  "status-change:edit": ANALYSTS_AND_ADMINS,
  // "their own drafts": someone else's draft is the admin's (an admin "can all an analyst can, plus" manage)
  "status-change:edit-others-draft": ADMINS,
  // admin: "retract published entries (never hard-delete)"
  "status-change:retract": ADMINS,
  // issue 12 item 5: "another analyst or an admin — never the author — approves … or returns it"
  // (the row rule "never the author" is the use case's: tests/review/)
  "review:decide": ANALYSTS_AND_ADMINS,
  // analyst: "create and edit parties, agreements, trade measures" (links between them included)
  "agreement:write": ANALYSTS_AND_ADMINS,
  "measure:write": ANALYSTS_AND_ADMINS,
  "party:write": ANALYSTS_AND_ADMINS,
  "link:write": ANALYSTS_AND_ADMINS,
  // analyst: "log status changes with citations": a condition and its states are part of a development's record (SPEC §9)
  "condition:write": ANALYSTS_AND_ADMINS,
  // analyst: parties' positions are cited statements on the record, as developments are (SPEC §9)
  "position:write": ANALYSTS_AND_ADMINS,
  // analyst: "add sources"; admin: "manage sources (edit, grade reliability, merge duplicates, retire)"
  "source:create": ANALYSTS_AND_ADMINS,
  "source:edit": ADMINS,
  "source:grade": ADMINS,
  "source:merge": ADMINS,
  "source:retire": ADMINS,
  // SPEC §5 "personal API tokens, created by a signed-in user" for scripts: the README narrows it to
  // analysts and admins (a reader's scripts read anonymously).
  "api-token:manage-own": ANALYSTS_AND_ADMINS,
  // SPEC §9 "Subscriptions to transitions", issue 14: "for any signed-in account (readers included)"; each manages only its own.
  "subscription:manage-own": EVERYONE,
  // Issue 14: "Admins can see delivery health" (counts, failures, paused subscriptions of every account).
  "delivery:monitor": ADMINS,
  // SPEC §4 "Sign in / sign out": every signed-in account ends its own sessions ("sign out everywhere").
  "account:manage-own": EVERYONE,
  // admin: "manage users and roles, read the audit log"
  "user:manage": ADMINS,
  "audit:read": ADMINS,
  // issue 12 item 5: two-person review is "switched on by an admin in the app"
  "settings:manage": ADMINS,
};

/** Anonymous visitors hold only published:read, and only while PUBLIC_READ is on. */
export function specAllows(role: Role | null, permission: string, isPublicRead = true): boolean {
  const roles = SPEC_ROLES_BY_PERMISSION[permission];
  if (!roles) throw new Error(`${permission} is not in SPEC §2's table (tests/authorization/spec-roles.ts)`);
  return role ? roles.includes(role) : permission === "published:read" && isPublicRead;
}

/** For a route's declared permission: "public" lets everyone through. */
export function specAllowsRoute(role: Role | null, permission: string, isPublicRead = true): boolean {
  return permission === "public" || specAllows(role, permission, isPublicRead);
}
