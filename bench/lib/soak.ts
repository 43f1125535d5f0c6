// --soak: ten minutes of mixed load over every read, sampling the app's resident memory.
import autocannon from "autocannon";
import { largestRssMb } from "./proc";
import type { TRead } from "./reads";

export type TSoakReport = { seconds: number; requests: number; errors: number; non2xx: number; samplesMb: number[]; finalRssMb: number; ok: boolean };

export async function runSoak(options: { appUrl: string; reads: TRead[]; pid: number; seconds: number; log: (message: string) => void }): Promise<TSoakReport> {
  const samplesMb: number[] = [];
  const sampler = setInterval(() => {
    const rss = largestRssMb(options.pid);
    samplesMb.push(rss);
    options.log(`soak: ${samplesMb.length * 30} s, app resident memory ${rss.toFixed(0)} MB`);
  }, 30_000);
  try {
    const result = await autocannon({
      url: options.appUrl,
      connections: 16,
      duration: options.seconds,
      timeout: 30,
      // autocannon cycles through these on every connection: a mix of every read, each as a
      // signed-out reader gets it (the page cache) and rendered afresh (as for anyone signed in).
      requests: options.reads.flatMap((read) => [
        { method: "GET" as const, path: read.path },
        { method: "GET" as const, path: read.path, headers: { "cache-control": "no-cache" } },
      ]),
    });
    const finalRssMb = largestRssMb(options.pid);
    return { seconds: result.duration, requests: result.requests.total, errors: result.errors, non2xx: result.non2xx, samplesMb, finalRssMb, ok: finalRssMb <= 400 };
  } finally {
    clearInterval(sampler);
  }
}
