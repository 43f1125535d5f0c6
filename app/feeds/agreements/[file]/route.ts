// GET /feeds/agreements/{slug}.atom: one agreement's developments, as Atom.
import { atomResponse, feedName } from "../../atom-response";

export const GET = atomResponse(({ file }) => ({ kind: "agreement", slug: feedName(file).toLowerCase() }), ["file"]);
