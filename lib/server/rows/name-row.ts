import "server-only";
import { z } from "zod";

/** A display name alone (get-feed-subject.ts: feed titles). */
export const ZNameRow = z.object({ name: z.string() }).describe("name row");
