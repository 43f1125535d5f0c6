import type { Instrumentation } from "next";
import { isDatabaseUnavailable, logDatabaseUnavailable, markRequestDatabaseUnavailable } from "@/lib/server/database-unavailable";

// Next.js calls this, synchronously and inside the request, when a page render (or any other
// server work it runs) throws. A page cannot choose its own status (only 401, 403 and 404 have
// error pages), so a render that failed for want of the database marks the request here and
// scripts/serve.mjs answers 503 with Retry-After and the "nothing was saved" page instead of 500
// (docs/decisions/018). It must stay synchronous: the mark has to land before the status does.
export const onRequestError: Instrumentation.onRequestError = (error) => {
  if (!isDatabaseUnavailable(error)) return;
  logDatabaseUnavailable(error);
  markRequestDatabaseUnavailable();
};
