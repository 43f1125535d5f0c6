// GET /api/health: the app is up and its database answers.
import { apiRoute } from "@/lib/server/api";
import { getDatabase } from "@/lib/server/db";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "public" }, async () => {
  try {
    await getDatabase().$queryRaw`select 1`;
    return Response.json({ status: "ok" });
  } catch {
    return Response.json({ status: "unavailable", reason: "the database does not answer" }, { status: 503 });
  }
});
