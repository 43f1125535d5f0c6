import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { getLauncherEnv } from "../../lib/server/env";
import { resolveAuthSecret } from "./auth-secret";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pactwatch-secret-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe("AUTH_SECRET", () => {
  it("is generated once in the data folder and kept across restarts", () => {
    const first = resolveAuthSecret({ isServerMode: false, isProduction: true, dataDir });
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(fs.statSync(path.join(dataDir, "auth-secret")).mode & 0o777).toBe(0o600);
    expect(resolveAuthSecret({ isServerMode: false, isProduction: true, dataDir })).toBe(first);
  });

  it("must be configured for a production server, and the refusal says how to make one", () => {
    expect(() => resolveAuthSecret({ isServerMode: true, isProduction: true, dataDir })).toThrow(
      /AUTH_SECRET is not set and NODE_ENV=production with DATABASE_URL: set AUTH_SECRET .*`openssl rand -base64 32`/,
    );
    expect(resolveAuthSecret({ configured: "x".repeat(40), isServerMode: true, isProduction: true, dataDir })).toBe("x".repeat(40));
  });
});

describe("launcher configuration", () => {
  it("explains each invalid variable", () => {
    const refuse = () => getLauncherEnv({ PORT: "eighty", DATABASE_URL: "mysql://x", AUTH_SECRET: "short" });
    expect(refuse).toThrow(/^invalid configuration:\n/);
    expect(refuse).toThrow(/\n  PORT: PORT must be a port number, e\.g\. 3000/);
    expect(refuse).toThrow(/\n  DATABASE_URL: DATABASE_URL must start with postgresql:\/\//);
    expect(refuse).toThrow(/\n  AUTH_SECRET: AUTH_SECRET is too short/);
    expect(getLauncherEnv({ DATABASE_URL: "" })).toMatchObject({ DATABASE_URL: undefined, PORT: 3000, HOST: "127.0.0.1" });
  });
});
