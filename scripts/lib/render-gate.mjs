// Admission for renders (decision 027). A page render holds its whole HTML, its RSC payload and
// the rows behind them as live JavaScript until the answer is written: a heap snapshot under 16
// concurrent renders held 194 MB of them, and V8 keeps the heap it grew to, so resident memory
// settled at 600–740 MB. On two cores, more than a few renders at once finish no sooner (they
// share the CPU); they only hold more memory each. So at most `concurrency` run at once and
// the rest wait their turn in arrival order: a bounded queue, each wait bounded in time, and an
// honest 503 with Retry-After beyond either bound instead of a server that swells until it is
// killed. Page-cache hits never come here (they hold one finished string), nor do the paths in
// `isExempt`.

import { AsyncResource } from "node:async_hooks";

/** Paths that never wait: the health check must answer while renders queue, and exports are
 * already bounded by their own leases (lib/server/exports/export-slots.ts) and stream for long. */
const EXEMPT = /^\/(api\/health|api\/v1\/health|exports|_next\/static)(\/|$)/;

/** Whether a request skips the gate. */
export function isExempt(request) {
  const path = String(request.url ?? "/").split("?")[0];
  return EXEMPT.test(path);
}

/**
 * A FIFO gate: `run(response, work, refuse)` calls `work()` now or once a slot frees, and
 * `refuse(reason)` instead when `maxQueue` are already waiting or the wait passes `maxWaitMs`;
 * a `work()` that throws or rejects frees its slot and goes to `onError(error, response)`.
 * A slot is released when the response closes (finished, or the client went away), so a render
 * that streams holds its slot until its last byte. A client that leaves while waiting is
 * dropped from the queue without rendering.
 *
 * A render still running after `stallMs` no longer counts against `concurrency` (up to
 * `maxStalled` of them): a render takes tens of milliseconds of CPU, so one that has run for a
 * second is waiting on something, almost always the database, and holds little while it
 * waits. Counting it would queue every other reader behind a frozen or overloaded database
 * until its deadline, and then behind the next: the fault journey saw a 503 take 12 s, twice
 * the query deadline.
 */
/**
 * @param {{ concurrency: number, maxQueue: number, maxWaitMs: number, stallMs?: number, maxStalled?: number,
 *   onError?: (error: unknown, response: import("node:http").ServerResponse) => void }} options
 */
export function createRenderGate({ concurrency, maxQueue, maxWaitMs, stallMs = 1_000, maxStalled = 64, onError = () => {} }) {
  /** Start times of the renders running, oldest first. */
  const running = [];
  /** @type {{ start: () => void, timer: NodeJS.Timeout, isDone: boolean }[]} */
  const waiting = [];
  /** @type {NodeJS.Timeout | undefined} */
  let stallTimer;

  const stalledCount = (now) => {
    let count = 0;
    while (count < running.length && now - running[count] >= stallMs) count += 1;
    return count;
  };
  const hasRoom = (now) => {
    const stalled = Math.min(stalledCount(now), maxStalled);
    return running.length - stalled < concurrency;
  };

  const startNext = () => {
    let now = performance.now();
    while (waiting.length > 0 && hasRoom(now)) {
      const next = waiting.shift();
      if (next.isDone) continue;
      next.isDone = true;
      clearTimeout(next.timer);
      next.start();
      now = performance.now();
    }
    planStallCheck(now);
  };

  // Someone is waiting behind full slots: look again when the oldest fresh render turns stalled.
  const planStallCheck = (now) => {
    if (stallTimer || waiting.length === 0) return;
    const oldestFresh = running[stalledCount(now)];
    if (oldestFresh === undefined || stalledCount(now) >= maxStalled) return;
    stallTimer = setTimeout(() => {
      stallTimer = undefined;
      startNext();
    }, Math.max(1, oldestFresh + stallMs - now));
    stallTimer.unref?.();
  };

  const begin = (response, work) => {
    const startedAt = performance.now();
    running.push(startedAt);
    let isReleased = false;
    const release = () => {
      if (isReleased) return;
      isReleased = true;
      running.splice(running.indexOf(startedAt), 1);
      startNext();
    };
    response.once("close", release);
    // A render that fails before it answers must not keep its slot.
    const failed = (error) => {
      release();
      onError(error, response);
    };
    try {
      Promise.resolve(work()).catch(failed);
    } catch (error) {
      failed(error);
    }
  };

  return {
    stats: () => ({ running: running.length, waiting: waiting.filter((entry) => !entry.isDone).length }),
    run(response, work, refuse) {
      if (waiting.length === 0 && hasRoom(performance.now())) return begin(response, work);
      if (waiting.length >= maxQueue) return refuse("queue");
      // Bound to this request's async context: a waiting render is started by the one that
      // finishes before it, and would otherwise run inside that request's context, where
      // Next.js's stores would hold each finished request from the next one, a chain as long as
      // the load lasts (decision 027).
      const entry = { isDone: false, start: AsyncResource.bind(() => begin(response, work)), timer: undefined };
      entry.timer = setTimeout(() => {
        if (entry.isDone) return;
        entry.isDone = true;
        removeEntry(entry);
        refuse("wait");
      }, maxWaitMs);
      entry.timer.unref?.();
      response.once("close", () => {
        if (entry.isDone) return;
        entry.isDone = true;
        clearTimeout(entry.timer);
        removeEntry(entry);
      });
      waiting.push(entry);
      planStallCheck(performance.now());
    },
  };

  function removeEntry(entry) {
    const index = waiting.indexOf(entry);
    if (index >= 0) waiting.splice(index, 1);
  }
}

export const BUSY_RETRY_AFTER_SECONDS = 2;
const BUSY_MESSAGE = "Pactwatch is answering more readers than it can at once. Nothing was lost: please try again in a few seconds.";

/** The answer when the gate refuses: 503 with Retry-After, problem+json for the API, plain HTML for pages. */
export function answerBusy(request, response) {
  if (response.headersSent || response.destroyed) return;
  const path = String(request.url ?? "/");
  const isApi = path.startsWith("/api/");
  const body = isApi
    ? JSON.stringify({ type: "https://pactwatch.invalid/problems/unavailable", title: "UNAVAILABLE", status: 503, detail: BUSY_MESSAGE, retryAfterSeconds: BUSY_RETRY_AFTER_SECONDS })
    : `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="robots" content="noindex">\n<title>Busy · Pactwatch</title>\n</head>\n<body>\n<main>\n<h1>Busy for a moment</h1>\n<p>${BUSY_MESSAGE}</p>\n<p><a href="/">Pactwatch home</a></p>\n</main>\n</body>\n</html>\n`;
  response.writeHead(503, {
    "content-type": isApi ? "application/problem+json" : "text/html; charset=utf-8",
    "content-length": Buffer.byteLength(body),
    "retry-after": String(BUSY_RETRY_AFTER_SECONDS),
    "cache-control": "no-store",
  });
  response.end(body);
}
