// A bounded load for fault tests: a few workers, each sending one request at a time to
// 127.0.0.1 with a short pause between, and a record of every answer and how long it took.

export type TOutcome = {
  kind: "publish" | "read";
  path: string;
  /** 0 when no answer came: a refused connection, or none within 20 s. */
  status: number;
  retryAfter: string | null;
  ms: number;
  /** Publishes: the headline sent and, when acknowledged (201), the stored id. */
  headline?: string;
  id?: string;
  error?: string;
};

export type TLoad = { outcomes(): TOutcome[]; stop(): Promise<TOutcome[]> };

type TLoadOptions = {
  origin: string;
  publishers: number;
  readers: number;
  /** The request for publish number n; its JSON body's headline is recorded. */
  publish: (n: number) => RequestInit;
  readPaths: string[];
  pauseMs?: number;
};

const PUBLISH_PATH = "/api/v1/status-changes";

async function timed(kind: TOutcome["kind"], url: string, init: RequestInit): Promise<TOutcome> {
  const started = performance.now();
  const path = new URL(url).pathname;
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(20_000) });
    const text = await response.text();
    const outcome: TOutcome = { kind, path, status: response.status, retryAfter: response.headers.get("retry-after"), ms: performance.now() - started };
    if (kind === "publish" && response.status === 201) outcome.id = (JSON.parse(text) as { id: string }).id;
    return outcome;
  } catch (error) {
    return { kind, path, status: 0, retryAfter: null, ms: performance.now() - started, error: (error as Error).message };
  }
}

/** Starts the workers; stop() waits for the requests in flight and returns every outcome. */
export function startLoad({ origin, publishers, readers, publish, readPaths, pauseMs = 50 }: TLoadOptions): TLoad {
  const outcomes: TOutcome[] = [];
  let isStopping = false;
  let published = 0;
  let read = 0;
  const pause = () => new Promise((resolve) => setTimeout(resolve, pauseMs));

  const publisher = async () => {
    while (!isStopping) {
      const init = publish(++published);
      const outcome = await timed("publish", `${origin}${PUBLISH_PATH}`, init);
      outcome.headline = (JSON.parse(String(init.body)) as { headline: string }).headline;
      outcomes.push(outcome);
      await pause();
    }
  };
  const reader = async () => {
    while (!isStopping) {
      outcomes.push(await timed("read", `${origin}${readPaths[read++ % readPaths.length]}`, {}));
      await pause();
    }
  };
  const workers = [...Array.from({ length: publishers }, publisher), ...Array.from({ length: readers }, reader)];

  return {
    outcomes: () => [...outcomes],
    async stop() {
      isStopping = true;
      await Promise.all(workers);
      return [...outcomes];
    },
  };
}
