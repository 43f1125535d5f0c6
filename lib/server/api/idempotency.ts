import "server-only";
import { createHash } from "node:crypto";
import { Prisma } from "../../generated/prisma/client";
import { getDatabase } from "../db";
import { AppError } from "../errors";
import { ZIdempotencyRow } from "../rows/idempotency-row";
import { queryRows } from "../rows/parse-rows";

// Idempotency-Key on POST (decision 020). The first request with a key claims it with one
// INSERT … ON CONFLICT (so two racing requests cannot both win, in any app process), runs, and
// stores its answer; a retry with the same key and the same method, path and body gets that
// answer back and runs nothing. A retry while the first still runs is 409 with Retry-After
// (it does not wait: a client that retries right away must not hold a connection meanwhile);
// the same key for another request is 422. Answers of 5xx and 429 are not kept (the key is
// released), so a retry after an outage or a rate limit runs again. Keys live 24 hours; each
// claim deletes up to 100 expired ones. A claim not completed within LOCK_SECONDS (its process
// died) is taken over: longer than a write transaction can run (60 s plus 60 s waiting).

export const IDEMPOTENCY_KEY_HOURS = 24;
const LOCK_SECONDS = 180;
const KEY = /^[\x21-\x7e]{1,255}$/;
// What a stored answer keeps of its headers.
const REPLAYED_HEADERS = ["content-type", "location", "etag"];

export type TIdempotencyClaim =
  | { kind: "claimed"; complete: (response: Response) => Promise<Response>; release: () => Promise<void> }
  | { kind: "replay"; response: Response };

/** The Idempotency-Key of a request: null when none was sent; refused when it is not 1–255 visible ASCII characters. */
export function idempotencyKeyOf(request: Request): string | null {
  const key = request.headers.get("idempotency-key");
  if (key === null) return null;
  const trimmed = key.trim();
  if (!KEY.test(trimmed)) {
    throw new AppError("INVALID_INPUT", "Idempotency-Key must be 1 to 255 visible ASCII characters, e.g. a UUID.", { "Idempotency-Key": ["Use 1 to 255 visible ASCII characters, e.g. a UUID."] });
  }
  return trimmed;
}

export function requestFingerprint(request: Request, body: Uint8Array): string {
  const url = new URL(request.url);
  return createHash("sha256").update(`${request.method.toUpperCase()} ${url.pathname}${url.search}\n`).update(body).digest("hex");
}

function replay(row: { status: number | null; headers: Record<string, string> | null; body: Uint8Array | null }): Response {
  const headers = new Headers(row.headers ?? {});
  headers.set("idempotent-replayed", "true");
  return new Response(row.body && row.body.byteLength ? Buffer.from(row.body) : null, { status: row.status ?? 200, headers });
}

/** Claims `key` for this caller's request, or answers with what the first request with it got. */
export async function claimIdempotencyKey(callerId: string, key: string, fingerprint: string): Promise<TIdempotencyClaim> {
  const database = getDatabase();
  const [row] = await queryRows(
    database,
    ZIdempotencyRow,
    Prisma.sql`
      WITH claim AS (
        INSERT INTO "IdempotencyKey" ("callerId", "key", "fingerprint", "createdAt", "expiresAt", "lockedUntil")
        VALUES (${callerId}::uuid, ${key}, ${fingerprint}, now(), now() + make_interval(hours => ${IDEMPOTENCY_KEY_HOURS}), now() + make_interval(secs => ${LOCK_SECONDS}))
        ON CONFLICT ("callerId", "key") DO UPDATE
          SET "fingerprint" = EXCLUDED."fingerprint", "createdAt" = EXCLUDED."createdAt", "expiresAt" = EXCLUDED."expiresAt",
              "lockedUntil" = EXCLUDED."lockedUntil", "completedAt" = NULL, "status" = NULL, "headers" = NULL, "body" = NULL
          WHERE "IdempotencyKey"."expiresAt" <= now()
             OR ("IdempotencyKey"."completedAt" IS NULL AND "IdempotencyKey"."lockedUntil" <= now())
        RETURNING "fingerprint", true AS claimed, "completedAt", "status", "headers", "body"
      )
      SELECT * FROM claim
      UNION ALL
      SELECT "fingerprint", false, "completedAt", "status", "headers", "body" FROM "IdempotencyKey"
       WHERE "callerId" = ${callerId}::uuid AND "key" = ${key} AND NOT EXISTS (SELECT 1 FROM claim)`,
  );
  if (!row) {
    // The key was released (or expired and cleaned up) between the two halves: claim it afresh.
    return claimIdempotencyKey(callerId, key, fingerprint);
  }
  if (row.claimed) {
    await database.$executeRaw`
      DELETE FROM "IdempotencyKey" WHERE ctid IN (SELECT ctid FROM "IdempotencyKey" WHERE "expiresAt" <= now() LIMIT 100)`;
    return { kind: "claimed", complete: (response) => complete(callerId, key, fingerprint, response), release: () => release(callerId, key, fingerprint) };
  }
  if (row.fingerprint !== fingerprint) {
    throw new AppError(
      "INVALID_INPUT",
      "This Idempotency-Key was already used for a different request (another method, path or body). Use a new key for a new request.",
      { "Idempotency-Key": ["Already used for a different request."] },
      { problemType: "IDEMPOTENCY_KEY_REUSED" },
    );
  }
  if (!row.completedAt) {
    throw new AppError("CONFLICT", "A request with this Idempotency-Key is still running. Retry after a moment to get its answer.", {}, { problemType: "IDEMPOTENCY_KEY_IN_PROGRESS", retryAfterSeconds: 1 });
  }
  return { kind: "replay", response: replay(row) };
}

async function complete(callerId: string, key: string, fingerprint: string, response: Response): Promise<Response> {
  if (response.status >= 500 || response.status === 429) {
    await release(callerId, key, fingerprint);
    return response;
  }
  const body = new Uint8Array(await response.clone().arrayBuffer());
  const headers = Object.fromEntries(REPLAYED_HEADERS.flatMap((name) => {
    const value = response.headers.get(name);
    return value === null ? [] : [[name, value]];
  }));
  await getDatabase().$executeRaw`
    UPDATE "IdempotencyKey"
       SET "completedAt" = now(), "lockedUntil" = NULL, "status" = ${response.status}, "headers" = ${JSON.stringify(headers)}::jsonb, "body" = ${Buffer.from(body)}
     WHERE "callerId" = ${callerId}::uuid AND "key" = ${key} AND "fingerprint" = ${fingerprint} AND "completedAt" IS NULL`;
  return response;
}

async function release(callerId: string, key: string, fingerprint: string): Promise<void> {
  await getDatabase().$executeRaw`
    DELETE FROM "IdempotencyKey" WHERE "callerId" = ${callerId}::uuid AND "key" = ${key} AND "fingerprint" = ${fingerprint} AND "completedAt" IS NULL`;
}
