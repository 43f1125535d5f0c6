// GET /api/health: the app is up and its database answers.
import { getDatabase } from "@/lib/server/db";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    await getDatabase().$queryRaw`select 1`;
    return Response.json({ status: "ok" });
  } catch {
    return Response.json({ status: "unavailable", reason: "the database does not answer" }, { status: 503 });
  }
}
