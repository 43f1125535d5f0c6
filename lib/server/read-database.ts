import "server-only";
import { getDatabase, getReplicaDatabase, type TDatabase } from "./db";
import { getReplicaEnv } from "./env";
import type { TActor } from "./permissions";

// Which client a reading use case reads from (docs/decisions/019). With DATABASE_REPLICA_URL
// set, readers read the streaming replica, except an actor who wrote in the last
// DATABASE_REPLICA_STICKY_SECONDS: their reads stay on the primary, so they see their own write
// on whichever app process serves them next. Writes (runWriteTransaction) and the checks that
// guard them (sessions, tokens, edit forms) always use getDatabase(), the primary.
//
// "Wrote recently" is read from the audit log on the primary: every write is audited with its
// actor (CONVENTIONS §14) and AuditEvent has an (actorId, at) index, so the marker is shared by
// every app process, covers cookies and API tokens alike, and costs no extra write.

// One decision per actor object, that is per request (getCurrentActor is cached per request;
// an API request fixes one actor object for its whole run).
const decisions = new WeakMap<NonNullable<TActor>, Promise<TDatabase>>();

/** The client for a reading use case acting for `actor`: the replica when it may, else the primary. */
export function readDatabase(actor: TActor): Promise<TDatabase> {
  const replica = getReplicaDatabase();
  if (!replica) return Promise.resolve(getDatabase());
  // Anonymous visitors never write the record.
  if (!actor) return Promise.resolve(replica);
  let decision = decisions.get(actor);
  if (!decision) {
    decision = wroteRecently(actor.id).then((wrote) => (wrote ? getDatabase() : replica));
    decisions.set(actor, decision);
  }
  return decision;
}

/** Called by recordAuditEvent: the rest of this request, too, reads what it just wrote. */
export function noteWriteBy(actor: TActor): void {
  if (actor && getReplicaDatabase()) decisions.set(actor, Promise.resolve(getDatabase()));
}

async function wroteRecently(actorId: string): Promise<boolean> {
  const since = new Date(Date.now() - getReplicaEnv().DATABASE_REPLICA_STICKY_SECONDS * 1000);
  const event = await getDatabase().auditEvent.findFirst({ where: { actorId, at: { gt: since } }, select: { id: true } });
  return event !== null;
}
