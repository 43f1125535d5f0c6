import { afterEach, describe, expect, it, vi } from "vitest";
import { recordWhenBack } from "./record-when-back";

// The write recording a sent message is tried again while the database is away, and only then.

const away = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
afterEach(() => vi.restoreAllMocks());

describe("recordWhenBack", () => {
  it("tries again while the database is away, until the write succeeds", async () => {
    const write = vi.fn().mockRejectedValueOnce(away).mockRejectedValueOnce(away).mockResolvedValue("recorded");
    const sleep = vi.fn(async () => {});
    expect(await recordWhenBack(write, sleep)).toBe("recorded");
    expect(write).toHaveBeenCalledTimes(3);
    expect(sleep).toHaveBeenCalledTimes(2);
  });

  it("throws any other error at once", async () => {
    const wrong = new Error("a bug");
    const write = vi.fn().mockRejectedValue(wrong);
    await expect(recordWhenBack(write, async () => {})).rejects.toBe(wrong);
    expect(write).toHaveBeenCalledTimes(1);
  });

  it("gives up after half the job's expiry, leaving the job's retry to the queue", async () => {
    let now = 1_000_000;
    vi.spyOn(Date, "now").mockImplementation(() => now);
    const write = vi.fn().mockRejectedValue(away);
    await expect(recordWhenBack(write, async (ms) => void (now += ms))).rejects.toBe(away);
    // 60 s expiry by default: about 30 tries a second apart.
    expect(write.mock.calls.length).toBeGreaterThan(25);
    expect(write.mock.calls.length).toBeLessThanOrEqual(31);
  });
});
