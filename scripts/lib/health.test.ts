import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { waitForHealthy } from "./health";

let server: http.Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function serve(statuses: number[]): Promise<string> {
  let call = 0;
  server = http.createServer((_request, response) => {
    response.statusCode = statuses[Math.min(call++, statuses.length - 1)]!;
    response.end();
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("waitForHealthy", () => {
  it("is healthy once /api/health answers 200, after failures", async () => {
    expect(await waitForHealthy(await serve([503, 503, 200]), { attempts: 5, intervalMs: 5 })).toEqual({ ok: true });
  });

  it("reports the last failure when every check failed", async () => {
    expect(await waitForHealthy(await serve([503]), { attempts: 3, intervalMs: 5 })).toEqual({
      ok: false,
      lastProblem: "it answered 503 Service Unavailable",
    });
  });

  it("says when nothing listens", async () => {
    const url = await serve([200]);
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = undefined;
    expect(await waitForHealthy(url, { attempts: 2, intervalMs: 5 })).toEqual({ ok: false, lastProblem: "nothing listens there" });
  });
});
