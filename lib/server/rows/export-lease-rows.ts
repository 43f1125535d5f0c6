import "server-only";
import { z } from "zod";
import { ZInt } from "./columns";

/** How many exports run now, in all and for one client (export-slots.ts). */
export const ZExportLeaseCountRow = z.object({ mine: ZInt, running: ZInt }).describe("export lease count row");
