import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Prisma } from "../generated/prisma/client";
import { DatabaseDeadlineError } from "./database-deadline";
import { isDatabaseUnavailable } from "./database-unavailable";
import { toAppError } from "./errors";

// The shapes below are what adapter-pg 7.10 and pg 8 threw against a real server that was
// stopped, restarted and SIGSTOPped (docs/decisions/018); tests/e2e/database-faults.spec.ts
// meets them live.

function known(code: string, meta?: Record<string, unknown>) {
  return new Prisma.PrismaClientKnownRequestError("\nInvalid `prisma.$queryRaw()` invocation:\n\nRaw query failed.", { code, clientVersion: "7.10.1", meta });
}
/** adapter-pg's DriverAdapterError: its cause is the mapped driver error. */
function adapterError(cause: Record<string, unknown>) {
  return Object.assign(new Error(String(cause.kind)), { name: "DriverAdapterError", cause });
}
const postgres = (code: string) => ({ kind: "postgres", code, originalCode: code, severity: "FATAL", message: "…" });

describe("isDatabaseUnavailable", () => {
  it.each([
    ["stopped server, model query (P1001)", known("P1001", { driverAdapterError: adapterError({ kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5442 }) })],
    ["stopped server, raw query (P2010 wrapping DatabaseNotReachable)", known("P2010", { driverAdapterError: adapterError({ kind: "DatabaseNotReachable" }) })],
    ["restart under a query: admin shutdown 57P01", known("P2010", { driverAdapterError: adapterError(postgres("57P01")) })],
    ["shutting down / starting up: 57P03", known("P2010", { driverAdapterError: adapterError(postgres("57P03")) })],
    ["statement_timeout: 57014", known("P2010", { driverAdapterError: adapterError(postgres("57014")) })],
    ["too many connections: 53300", known("P2010", { driverAdapterError: adapterError({ kind: "TooManyConnections" }) })],
    ["connection reset", known("P1017", { driverAdapterError: adapterError({ kind: "ConnectionClosed" }) })],
    ["a class 08 connection exception", adapterError(postgres("08006"))],
    ["frozen server: the query deadline, as Prisma rewraps it", known("PACTWATCH_QUERY_DEADLINE")],
    ["frozen server: the query deadline, raw", new DatabaseDeadlineError(6_000)],
    ["frozen server: pool wait", new Error("timeout exceeded when trying to connect")],
    ["frozen server: connection startup", new Error("Connection terminated due to connection timeout", { cause: new Error("Connection terminated unexpectedly") })],
    ["dropped connection", new Error("Connection terminated unexpectedly")],
    ["a transaction that could not start in time (P2028)", new Prisma.PrismaClientKnownRequestError("Transaction API error: Unable to start a transaction in the given time.", { code: "P2028", clientVersion: "7.10.1" })],
    ["pg's raw socket error", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5442"), { code: "ECONNREFUSED", errno: -111, syscall: "connect" })],
  ])("%s: yes", (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["a unique violation (P2002)", known("P2002", { target: ["slug"] })],
    ["a missing record (P2025)", known("P2025")],
    ["another transaction API error (P2028)", known("P2028")],
    ["a serialization failure", known("P2010", { driverAdapterError: adapterError(postgres("40001")) })],
    ["a syntax error in our SQL", known("P2010", { driverAdapterError: adapterError({ ...postgres("42601"), severity: "ERROR" }) })],
    ["a plain bug", new TypeError("Cannot read properties of undefined (reading 'id')")],
    ["a zod error", new z.ZodError([])],
    ["nothing", undefined],
    ["a string", "connection refused"],
  ])("%s: no", (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it("does not loop on a cause that points back at itself", () => {
    const error = new Error("odd") as Error & { cause?: unknown };
    error.cause = error;
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe("toAppError of a database that is away", () => {
  it("is UNAVAILABLE, says nothing was saved and carries Retry-After seconds", () => {
    const appError = toAppError(new Error("timeout exceeded when trying to connect"));
    expect(appError.code).toBe("UNAVAILABLE");
    expect(appError.message).toContain("nothing was saved");
    expect(appError.details.retryAfterSeconds).toBe(5);
  });
});
