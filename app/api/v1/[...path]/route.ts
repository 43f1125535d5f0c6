// Any method on /api/v1/<a path the API does not have>: a problem+json 404, not the HTML 404 page.
// Paths that exist but lack the method answer 405 from their own route file (refuseOtherMethods).
import { ZNotJsonBody } from "@/lib/schemas/responses/service-responses";
import { apiRoute } from "@/lib/server/api";
import { AppError } from "@/lib/server/errors";

const notFound = apiRoute({ permission: "public", params: ["path"], summary: "Answer 404 for a path the API does not have", response: ZNotJsonBody }, async (request) => {
  throw new AppError("NOT_FOUND", `The API has no path ${new URL(request.url).pathname}. The paths are listed in /api/v1/openapi.json.`);
});

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
