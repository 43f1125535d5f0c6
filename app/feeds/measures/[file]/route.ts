// GET /feeds/measures/{slug}.atom: one trade measure's developments, as Atom.
import { atomResponse, feedName } from "../../atom-response";

export const GET = atomResponse(({ file }) => ({ kind: "measure", slug: feedName(file).toLowerCase() }), ["file"]);
