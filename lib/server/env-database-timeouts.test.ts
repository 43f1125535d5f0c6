import { afterEach, describe, expect, it, vi } from "vitest";
import { getDatabaseEnv, resetEnvCache } from "./env";

// The bounds on every wait for PostgreSQL (docs/decisions/018): a few seconds by default,
// configurable, and refused when the app would give up before the server cancels.

const URL = "postgresql://postgres@127.0.0.1:5432/pactwatch";

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvCache();
});

function databaseEnvWith(values: Record<string, string>) {
  vi.stubEnv("DATABASE_URL", URL);
  for (const name of ["DATABASE_CONNECTION_TIMEOUT_MS", "DATABASE_STATEMENT_TIMEOUT_MS", "DATABASE_QUERY_TIMEOUT_MS"]) vi.stubEnv(name, values[name]);
  resetEnvCache();
  return getDatabaseEnv;
}

describe("database timeouts", () => {
  it("default to 3 s for a connection, 5 s per statement on the server and 6 s for any answer", () => {
    expect(databaseEnvWith({})()).toMatchObject({ DATABASE_CONNECTION_TIMEOUT_MS: 3_000, DATABASE_STATEMENT_TIMEOUT_MS: 5_000, DATABASE_QUERY_TIMEOUT_MS: 6_000 });
  });

  it("take other values in milliseconds", () => {
    const read = databaseEnvWith({ DATABASE_CONNECTION_TIMEOUT_MS: "1500", DATABASE_STATEMENT_TIMEOUT_MS: "20000", DATABASE_QUERY_TIMEOUT_MS: "25000" });
    expect(read()).toMatchObject({ DATABASE_CONNECTION_TIMEOUT_MS: 1_500, DATABASE_STATEMENT_TIMEOUT_MS: 20_000, DATABASE_QUERY_TIMEOUT_MS: 25_000 });
  });

  it("refuse a query timeout shorter than the statement timeout, saying why", () => {
    const read = databaseEnvWith({ DATABASE_STATEMENT_TIMEOUT_MS: "10000", DATABASE_QUERY_TIMEOUT_MS: "6000" });
    expect(read).toThrow(/DATABASE_QUERY_TIMEOUT_MS must be at least DATABASE_STATEMENT_TIMEOUT_MS/);
  });

  it("refuse what is not a number of milliseconds", () => {
    expect(databaseEnvWith({ DATABASE_CONNECTION_TIMEOUT_MS: "3s" })).toThrow(/DATABASE_CONNECTION_TIMEOUT_MS must be a whole number of milliseconds/);
  });
});
