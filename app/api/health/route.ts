// GET /api/health: the app is up and its database answers.
import { ZHealthBody } from "@/lib/schemas/responses/service-responses";
import { apiRoute } from "@/lib/server/api";
import { getDatabase } from "@/lib/server/db";
import { DATABASE_RETRY_AFTER_SECONDS } from "@/lib/server/database-unavailable";

export const dynamic = "force-dynamic";

// Shorter than the pool's own timeouts: a load balancer asking "are you there?" needs its answer
// in time to act on it, even when the database is frozen and every connection is stuck.
const HEALTH_TIMEOUT_MS = 2_000;

/** Whether `select 1` answers (its row unread, so executeRaw) within HEALTH_TIMEOUT_MS; a late answer is ignored (its query keeps the pool's deadline). */
async function databaseAnswers(): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), HEALTH_TIMEOUT_MS);
  });
  const answer = getDatabase().$executeRaw`select 1`.then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([answer, late]);
  } finally {
    clearTimeout(timer);
  }
}

export const GET = apiRoute({ permission: "public", summary: "Check that the app is up and its database answers (503 with Retry-After when it does not)", response: ZHealthBody }, async () => {
  if (await databaseAnswers()) return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
  return Response.json(
    { status: "unavailable", reason: `the database did not answer within ${HEALTH_TIMEOUT_MS / 1000} s: it is stopped, restarting, frozen or unreachable` },
    { status: 503, headers: { "retry-after": String(DATABASE_RETRY_AFTER_SECONDS), "cache-control": "no-store" } },
  );
});
