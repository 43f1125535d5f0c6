// GET /feeds/developments.atom: the latest developments across everything, as Atom.
import { atomResponse } from "../atom-response";

export const GET = atomResponse(() => ({ kind: "all" }));
