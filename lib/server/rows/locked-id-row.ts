import "server-only";
import { z } from "zod";

/** The id of a row locked with FOR UPDATE, FOR NO KEY UPDATE or FOR SHARE (an empty result: no such row). */
export const ZLockedIdRow = z.object({ id: z.string() }).describe("locked id row");
