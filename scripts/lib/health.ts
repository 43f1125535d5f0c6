// The launcher says "running" only once the app answers its health check; otherwise it says what
// the last attempt saw, so a failed start never looks like a successful one.

export type THealthResult = { ok: true } | { ok: false; lastProblem: string };

export type THealthOptions = {
  attempts?: number;
  intervalMs?: number;
  /** Stops waiting early (the app exited). */
  isAbandoned?: () => boolean;
};

/** Polls `${url}/api/health` until it answers 200, or the attempts run out. */
export async function waitForHealthy(url: string, options: THealthOptions = {}): Promise<THealthResult> {
  const { attempts = 600, intervalMs = 250, isAbandoned = () => false } = options;
  let lastProblem = "no attempt made";
  for (let attempt = 0; attempt < attempts && !isAbandoned(); attempt++) {
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5_000) });
      await response.body?.cancel();
      if (response.ok) return { ok: true };
      lastProblem = `it answered ${response.status} ${response.statusText}`.trim();
    } catch (error) {
      const cause = (error as Error & { cause?: { code?: string } }).cause;
      lastProblem = cause?.code === "ECONNREFUSED" ? "nothing listens there" : `the request failed (${(error as Error).message})`;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return { ok: false, lastProblem };
}
