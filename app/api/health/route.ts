// GET /api/health: the app is up and its database answers.
import { ZHealthBody } from "@/lib/schemas/responses/service-responses";
import { apiRoute } from "@/lib/server/api";
import { getDatabase } from "@/lib/server/db";

export const dynamic = "force-dynamic";

export const GET = apiRoute(
  {
    permission: "public",
    summary: "Check that the app is up and its database answers (503 when it does not)",
    response: ZHealthBody,
  },
  async () => {
    try {
      await getDatabase().$queryRaw`select 1`;
      return Response.json({ status: "ok" });
    } catch {
      return Response.json({ status: "unavailable", reason: "the database does not answer" }, { status: 503 });
    }
  },
);
