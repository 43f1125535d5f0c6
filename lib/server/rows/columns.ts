import "server-only";
import { z } from "zod";
import { DatePrecision, Direction, EntryState, Status } from "../../generated/prisma/enums";

// Column schemas shared by the row families, for the types PostgreSQL hands back through
// adapter-pg (the same on a server and on embedded PGlite; tests/reader/row-schemas.integration.test.ts):
// timestamptz and date columns arrive as Dates, count(*) as bigint, ::int as number, enums cast
// ::text (or read from json) as their label, arrays as arrays, json as parsed values in which
// instants are ISO strings with an offset ("2019-08-22T00:00:00+00:00", the session's time zone).

/** A timestamptz or date column. */
export const ZInstant = z.date();

/**
 * An instant inside a json aggregate: an ISO string, made a Date. z.coerce.date rather than an
 * ISO-string schema with a transform: as strict in practice (PostgreSQL writes ISO 8601; a string
 * that is no date fails) at half the cost (docs/decisions/009-typed-rows.md).
 */
export const ZJsonInstant = z.coerce.date<string>();

/** count(*) without a cast: a bigint, made a number (counts here stay far below 2^53). */
export const ZCount = z.bigint().transform(Number);

/** An int column or a count cast ::int. */
export const ZInt = z.number().int();

export const ZStatus = z.enum(Status);
export const ZEntryState = z.enum(EntryState);
export const ZDirection = z.enum(Direction);
export const ZDatePrecision = z.enum(DatePrecision);

/** A party as json_build_object('code', …, 'name', …) gives it. */
export const ZPartyJson = z.object({ code: z.string(), name: z.string() });

/** A keyset list's sort key: text or float8 (list-sort-sql.ts). */
export const ZSortKey = z.union([z.string(), z.number()]);
