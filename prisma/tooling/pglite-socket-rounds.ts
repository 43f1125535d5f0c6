import type { PGlite } from "@electric-sql/pglite";
import type { PGLiteSocketServer } from "@electric-sql/pglite-socket";

// pglite-socket 0.2.17 queues each client's protocol messages one by one into PGlite's single
// session, and keeps a client's messages together only inside an SQL transaction. An
// extended-protocol query (Parse, Bind, Describe, Execute, Sync) is not a transaction between its
// messages, so two connections interleave: one's Parse replaces the unnamed statement the other
// is about to Bind, giving bind errors or, when the shapes match, someone else's rows. A thrown
// error also leaves the queue marked busy for good. Both are open upstream
// (electric-sql/pglite#1046, #977). The app alone uses one connection; a command run while it
// serves (docs/decisions/011) is a second one, so the queue here keeps a client's messages
// together until PGlite answers ReadyForQuery outside a transaction: a whole round at a time.

type TQueued = {
  handlerId: number;
  message: Uint8Array;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
  onData: (data: Uint8Array) => void;
};

type TQueryQueue = {
  queue: TQueued[];
  processing: boolean;
  lastHandlerId: number | null;
  db: PGlite;
  processQueue: () => Promise<void>;
  clearTransactionIfNeeded: (handlerId: number) => Promise<void>;
};

const READY_FOR_QUERY = 0x5a; // 'Z', length 5, then the transaction status byte
const SYNC = new Uint8Array([0x53, 0, 0, 0, 4]);

/** Replaces the server's scheduling with one that never splits a client's round. Call before start(). */
export function keepRoundsTogether(server: PGLiteSocketServer): void {
  const queue = (server as unknown as { queryQueue?: TQueryQueue }).queryQueue;
  if (!queue || !Array.isArray(queue.queue) || typeof queue.processQueue !== "function") {
    // A pinned dependency changed shape: refuse loudly rather than serve interleaved rounds.
    throw new Error("@electric-sql/pglite-socket's query queue changed: review prisma/tooling/pglite-socket-rounds.ts");
  }
  let roundOpen = false;
  // Clients that disconnected while the session was theirs (mid-round or mid-transaction).
  const departed = new Set<number>();
  const ownerDeparted = () => queue.lastHandlerId !== null && departed.has(queue.lastHandlerId);

  queue.processQueue = async function processQueue(this: TQueryQueue) {
    if (this.processing || (this.queue.length === 0 && !ownerDeparted())) return;
    this.processing = true;
    try {
      while (this.queue.length > 0 || ownerDeparted()) {
        if (ownerDeparted()) {
          await endAbandonedRound(this.db, roundOpen);
          departed.delete(this.lastHandlerId!);
          this.lastHandlerId = null;
          roundOpen = false;
          continue;
        }
        const pinned = this.lastHandlerId !== null && (roundOpen || this.db.isInTransaction());
        const index = pinned ? this.queue.findIndex((item) => item.handlerId === this.lastHandlerId) : 0;
        // The client holding the session has not sent its next message yet: wait for it.
        if (index === -1) break;
        const [item] = this.queue.splice(index, 1) as [TQueued];
        let tail: Uint8Array = new Uint8Array(0);
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data: Uint8Array) => {
                bytes += data.length;
                tail = lastBytes(tail, data, 6);
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          item.reject(error);
          continue;
        }
        this.lastHandlerId = item.handlerId;
        // A round ends when PGlite answers ReadyForQuery (after Sync or a simple Query).
        roundOpen = !(tail.length === 6 && tail[0] === READY_FOR_QUERY && tail[4] === 5);
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  };

  queue.clearTransactionIfNeeded = async function clearTransactionIfNeeded(this: TQueryQueue, handlerId: number) {
    if (this.lastHandlerId === handlerId) departed.add(handlerId);
    await this.processQueue();
  };
}

/** Closes what a departed client left open, so the next client starts on a clean session. */
async function endAbandonedRound(db: PGlite, roundOpen: boolean): Promise<void> {
  if (roundOpen) await db.runExclusive(() => db.execProtocolRawStream(SYNC, { onRawData: () => {} }));
  if (db.isInTransaction()) await db.exec("ROLLBACK");
}

function lastBytes(previous: Uint8Array, next: Uint8Array, count: number): Uint8Array {
  if (next.length >= count) return next.slice(next.length - count);
  const joined = new Uint8Array(previous.length + next.length);
  joined.set(previous);
  joined.set(next, previous.length);
  return joined.slice(Math.max(0, joined.length - count));
}
