import "server-only";
import type { TDeclaredRoute } from "@/lib/server/api";
import type { TMethodNotAllowedHandler } from "@/lib/server/api/method-not-allowed";
import type { TDocumentedRoute } from "@/lib/server/api/openapi/build-openapi-document";

// Every route file under app/api/v1, keyed by its path under this folder: the OpenAPI document
// (decision 021) is generated from their declarations. A route added here is documented at once;
// tests/api/openapi-document.test.ts fails when a route.ts under app/api/v1 is missing.
// Loaded lazily, so openapi.json can list itself without an import cycle.
export const API_V1_ROUTE_FILES = {
  "agreements/route.ts": () => import("./agreements/route"),
  "agreements/[slug]/route.ts": () => import("./agreements/[slug]/route"),
  "measures/route.ts": () => import("./measures/route"),
  "measures/[slug]/route.ts": () => import("./measures/[slug]/route"),
  "parties/route.ts": () => import("./parties/route"),
  "parties/[code]/route.ts": () => import("./parties/[code]/route"),
  "relations/[pair]/route.ts": () => import("./relations/[pair]/route"),
  "relations/[pair]/mirror/route.ts": () => import("./relations/[pair]/mirror/route"),
  "relations/[pair]/mirror/confirmations/route.ts": () => import("./relations/[pair]/mirror/confirmations/route"),
  "relations/[pair]/mirror/dismissals/route.ts": () => import("./relations/[pair]/mirror/dismissals/route"),
  "sources/route.ts": () => import("./sources/route"),
  "sources/[id]/route.ts": () => import("./sources/[id]/route"),
  "status-changes/route.ts": () => import("./status-changes/route"),
  "corrections/route.ts": () => import("./corrections/route"),
  "changes/route.ts": () => import("./changes/route"),
  "status-changes/[id]/route.ts": () => import("./status-changes/[id]/route"),
  "status-changes/[id]/publish/route.ts": () => import("./status-changes/[id]/publish/route"),
  "status-changes/[id]/retract/route.ts": () => import("./status-changes/[id]/retract/route"),
  "status-changes/[id]/errata/route.ts": () => import("./status-changes/[id]/errata/route"),
  "status-changes/[id]/corroboration/route.ts": () => import("./status-changes/[id]/corroboration/route"),
  "status-changes/[id]/submit/route.ts": () => import("./status-changes/[id]/submit/route"),
  "reviews/route.ts": () => import("./reviews/route"),
  "reviews/[id]/approve/route.ts": () => import("./reviews/[id]/approve/route"),
  "reviews/[id]/return/route.ts": () => import("./reviews/[id]/return/route"),
  "conditions/route.ts": () => import("./conditions/route"),
  "conditions/[id]/states/route.ts": () => import("./conditions/[id]/states/route"),
  "positions/route.ts": () => import("./positions/route"),
  "positions/[id]/route.ts": () => import("./positions/[id]/route"),
  "openapi.json/route.ts": () => import("./openapi.json/route"),
  "admin/source-duplicates/route.ts": () => import("./admin/source-duplicates/route"),
  "admin/sources/[id]/route.ts": () => import("./admin/sources/[id]/route"),
  "admin/sources/route.ts": () => import("./admin/sources/route"),
  "api-tokens/[id]/route.ts": () => import("./api-tokens/[id]/route"),
  "api-tokens/route.ts": () => import("./api-tokens/route"),
  "audit-events.csv/route.ts": () => import("./audit-events.csv/route"),
  "audit-events/route.ts": () => import("./audit-events/route"),
  "sources/[id]/grade/route.ts": () => import("./sources/[id]/grade/route"),
  "sources/[id]/merge/route.ts": () => import("./sources/[id]/merge/route"),
  "sources/[id]/restore/route.ts": () => import("./sources/[id]/restore/route"),
  "sources/[id]/retire/route.ts": () => import("./sources/[id]/retire/route"),
  "sources/[id]/undo-merge/route.ts": () => import("./sources/[id]/undo-merge/route"),
  "status-changes/[id]/revisions/route.ts": () => import("./status-changes/[id]/revisions/route"),
  "status-changes/[id]/public-revisions/route.ts": () => import("./status-changes/[id]/public-revisions/route"),
  "users/[id]/disable/route.ts": () => import("./users/[id]/disable/route"),
  "users/[id]/enable/route.ts": () => import("./users/[id]/enable/route"),
  "users/[id]/reset-password/route.ts": () => import("./users/[id]/reset-password/route"),
  "users/[id]/role/route.ts": () => import("./users/[id]/role/route"),
  "users/[id]/route.ts": () => import("./users/[id]/route"),
  "users/route.ts": () => import("./users/route"),
  "subscriptions/route.ts": () => import("./subscriptions/route"),
  "subscriptions/[id]/route.ts": () => import("./subscriptions/[id]/route"),
  "subscriptions/[id]/deliveries/route.ts": () => import("./subscriptions/[id]/deliveries/route"),
  "deliveries/health/route.ts": () => import("./deliveries/health/route"),
} satisfies Record<string, () => Promise<object>>;

/**
 * Route files under app/api/v1 that are not operations: the catch-all answers problem+json 404 for
 * paths the API does not have, so documenting it would list a path no client should call.
 */
export const UNDOCUMENTED_API_V1_ROUTE_FILES: readonly string[] = ["[...path]/route.ts"];

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** "status-changes/[id]/publish/route.ts" → "/api/v1/status-changes/{id}/publish". */
export function apiPathOf(file: string): string {
  const folder = file.replace(/\/?route\.ts$/, "");
  return `/api/v1/${folder.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, "{$1}")}`.replace(/\/$/, "");
}

/** Every method of every registered route, with the file it lives in and its declaration. */
export async function loadApiV1Routes(): Promise<(TDocumentedRoute & { file: string; handler: TDeclaredRoute })[]> {
  const routes: (TDocumentedRoute & { file: string; handler: TDeclaredRoute })[] = [];
  for (const [file, load] of Object.entries(API_V1_ROUTE_FILES)) {
    const module = (await load()) as Partial<Record<(typeof METHODS)[number], TDeclaredRoute | TMethodNotAllowedHandler>>;
    for (const method of METHODS) {
      const handler = module[method];
      // A method refuseOtherMethods answers with 405 has no declaration: it is not an operation.
      if (handler && "declaration" in handler) routes.push({ file, method, path: apiPathOf(file), declaration: handler.declaration, handler });
    }
  }
  return routes;
}
