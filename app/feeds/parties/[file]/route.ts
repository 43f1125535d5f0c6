// GET /feeds/parties/{code}.atom: the developments of everything a party is party to, as Atom.
import { atomResponse, feedName } from "../../atom-response";

export const GET = atomResponse(({ file }) => ({ kind: "party", code: feedName(file).toUpperCase() }), ["file"]);
