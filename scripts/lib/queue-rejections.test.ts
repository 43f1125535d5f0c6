import { describe, expect, it } from "vitest";
import { rejectionHandler, unhandledRejectionVerdict } from "./queue-rejections";

describe("unhandled rejections in the worker's process", () => {
  it("logs an outage the job queue could not report and keeps the process", () => {
    const logged: string[] = [];
    const exits: number[] = [];
    const handle = rejectionHandler({ log: (message) => logged.push(message), exit: (code) => exits.push(code) });
    handle(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }));
    handle(new Error("Connection terminated unexpectedly"));
    handle(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }));
    expect(exits).toEqual([]);
    expect(logged).toHaveLength(3);
    expect(logged[0]).toContain("retried after its expiry");
  });

  it("stops the process for anything else, as Node would", () => {
    const exits: number[] = [];
    const handle = rejectionHandler({ log: () => undefined, exit: (code) => exits.push(code) });
    const quiet = console.error;
    console.error = () => undefined;
    try {
      handle(new TypeError("Cannot read properties of undefined"));
      handle("a string");
    } finally {
      console.error = quiet;
    }
    expect(exits).toEqual([1, 1]);
    expect(unhandledRejectionVerdict(Object.assign(new Error("duplicate key"), { code: "23505" }))).toBe("exit");
  });
});
