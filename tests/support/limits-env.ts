import { afterAll, beforeAll } from "vitest";
import { resetEnvCache } from "../../lib/server/env";

/** Sets request/export limit variables for the calling test file (then restores them). */
export function useLimitsEnv(values: Record<string, string>): void {
  const previous: Record<string, string | undefined> = {};
  beforeAll(() => {
    for (const [name, value] of Object.entries(values)) {
      previous[name] = process.env[name];
      process.env[name] = value;
    }
    resetEnvCache();
  });
  afterAll(() => {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    resetEnvCache();
  });
}

/** The HTTP request of a client at `address` (as scripts/serve.mjs records it). */
export function requestFrom(address: string, url: string, init: RequestInit & { headers?: Record<string, string> } = {}): Request {
  return new Request(url, { ...init, headers: { "x-pactwatch-client-address": address, ...init.headers } });
}
