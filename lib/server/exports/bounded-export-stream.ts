import "server-only";
import { EXPORT_IDLE_SECONDS, type TExportSlot } from "./export-slots";

/** How often a streaming export pushes its lease on (it lasts far longer: export-slots.ts). */
const RENEW_EVERY_MS = 20_000;

export type TBoundedExportOptions<TBatch> = {
  /** The slot the export holds; given back whenever the stream ends, however it ends. */
  slot: TExportSlot;
  /** The export's batches, read one at a time. */
  batches: AsyncGenerator<TBatch>;
  /** Text before the first batch (a header row, the start of a JSON document). */
  head: string;
  /** One batch as text; `index` counts from 0. */
  encode: (batch: TBatch, index: number) => string;
  /** Text after the last batch. */
  tail?: string;
  /** For tests: how long the consumer may read nothing before the export is ended. */
  idleMs?: number;
};

/**
 * An export as a pull-based byte stream with backpressure: the next batch is read from the
 * database only when the consumer asks for more (high-water mark 0, so nothing is read ahead),
 * and Next.js asks only when the socket has taken the last chunk. Memory per export is therefore
 * one batch, however large the history and however slow the client. The export's slot is renewed
 * while it streams and released when it ends, fails or is cancelled, or when the consumer has
 * read nothing for EXPORT_IDLE_SECONDS (a stalled client must not hold a slot for ever).
 */
export function boundedExportStream<TBatch>({ slot, batches, head, encode, tail = "", idleMs = EXPORT_IDLE_SECONDS * 1000 }: TBoundedExportOptions<TBatch>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let index = -1;
  let renewedAt = Date.now();
  let idleTimer: NodeJS.Timeout | undefined;
  let isEnded = false;

  const end = async () => {
    if (isEnded) return;
    isEnded = true;
    clearTimeout(idleTimer);
    try {
      await batches.return(undefined);
    } finally {
      await slot.release();
    }
  };
  const fail = async (controller: ReadableStreamDefaultController<Uint8Array>, error: unknown) => {
    await end().catch(() => {});
    controller.error(error);
  };
  const watchIdle = (controller: ReadableStreamDefaultController<Uint8Array>) => {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => void fail(controller, new Error(`export ended: nothing was read for ${Math.round(idleMs / 1000)} s`)), idleMs);
    idleTimer.unref();
  };

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        watchIdle(controller);
      },
      async pull(controller) {
        clearTimeout(idleTimer);
        if (isEnded) return;
        try {
          if (index === -1) {
            index = 0;
            controller.enqueue(encoder.encode(head));
          } else {
            if (Date.now() - renewedAt > RENEW_EVERY_MS) {
              if (!(await slot.renew())) throw new Error("export ended: its slot lapsed");
              renewedAt = Date.now();
            }
            const next = await batches.next();
            if (next.done) {
              if (tail) controller.enqueue(encoder.encode(tail));
              await end();
              controller.close();
              return;
            }
            controller.enqueue(encoder.encode(encode(next.value, index++)));
          }
          watchIdle(controller);
        } catch (error) {
          console.error(`export failed: ${(error as Error).message}`);
          await fail(controller, error);
        }
      },
      async cancel() {
        await end();
      },
    },
    { highWaterMark: 0 },
  );
}
