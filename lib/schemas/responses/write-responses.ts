import { z } from "zod";
import { EntryState } from "../../generated/prisma/enums";
import { ZIdJson, ZVersionJson } from "./common";

// What the write endpoints answer: the record's identity and its new version (send it back as
// "version" with the next edit, or get 409).

export const ZSubjectWrittenBody = z.object({ id: ZIdJson, slug: z.string(), version: ZVersionJson }).meta({ title: "SubjectWritten" });

export const ZPartyWrittenBody = z.object({ id: ZIdJson, code: z.string(), version: ZVersionJson }).meta({ title: "PartyWritten" });

export const ZDevelopmentWrittenBody = z
  .object({ id: ZIdJson, state: z.enum(EntryState), version: ZVersionJson, subject: z.object({ kind: z.enum(["AGREEMENT", "MEASURE"]), slug: z.string() }) })
  .meta({ title: "DevelopmentWritten" });
