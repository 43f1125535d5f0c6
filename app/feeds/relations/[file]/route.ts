// GET /feeds/relations/{A-B}.atom: the developments between two parties, as Atom.
import { atomResponse, feedName, pairOf } from "../../atom-response";

export const GET = atomResponse(({ file }) => ({ kind: "relation", codes: pairOf(feedName(file)) }), ["file"]);
