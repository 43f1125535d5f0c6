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

  it("does not give up while the database stays away (here: five minutes of tries a second apart)", async () => {
    let tries = 0;
    const write = vi.fn(async () => {
      tries += 1;
      if (tries <= 300) throw away;
      return "recorded";
    });
    expect(await recordWhenBack(write, async () => {})).toBe("recorded");
    expect(write).toHaveBeenCalledTimes(301);
  });
});
