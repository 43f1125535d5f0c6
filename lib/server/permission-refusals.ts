import "server-only";
import type { Role } from "../generated/prisma/enums";
import type { TPermission } from "./permissions";

// What a refused person reads: who may do it, and what "it" is, in words. The permission's name
// is for the code and the logs (the error's details), never for the page.
const DOING: Record<TPermission, string> = {
  "published:read": "read Pactwatch",
  "draft:read": "read drafts",
  "status-change:log": "log developments",
  "status-change:publish": "publish developments",
  "status-change:edit": "edit developments",
  "status-change:edit-others-draft": "edit another analyst's draft",
  "status-change:retract": "retract published entries",
  "review:decide": "approve or return submissions for review",
  "agreement:write": "add or edit agreements",
  "measure:write": "add or edit trade measures",
  "party:write": "add or edit parties",
  "link:write": "link measures and agreements",
  "condition:write": "add conditions to developments or record their states",
  "position:write": "add, edit or supersede parties' positions",
  "source:create": "add sources",
  "source:edit": "edit sources",
  "source:grade": "grade sources",
  "source:merge": "merge sources",
  "source:retire": "retire sources",
  "account:manage-own": "manage their own sign-in sessions",
  "api-token:manage-own": "make API tokens",
  "subscription:manage-own": "manage subscriptions",
  "delivery:monitor": "see the health of subscription deliveries",
  "user:manage": "manage accounts",
  "audit:read": "read the audit log",
  "settings:manage": "change the desk's settings",
};

const ROLE_NAMES: Record<Role, string> = { READER: "readers", ANALYST: "analysts", ADMIN: "admins" };

/** "Only analysts and admins can log developments." */
export function refusalMessage(permission: TPermission, roles: readonly Role[]): string {
  const names = roles.map((role) => ROLE_NAMES[role]);
  const who = names.length <= 1 ? (names[0] ?? "nobody") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
  return `Only ${who} can ${DOING[permission]}.`;
}
