import { describe, expect, it } from "vitest";
import { boundedExportStream } from "./bounded-export-stream";
import type { TExportSlot } from "./export-slots";

// The stream reads a batch only when its consumer asks, and gives its slot back however it ends.

function fakeSlot() {
  const calls = { released: 0, renewed: 0 };
  const slot: TExportSlot = {
    id: "slot",
    renew: async () => {
      calls.renewed++;
      return true;
    },
    release: async () => {
      calls.released++;
    },
  };
  return { slot, calls };
}

function countingBatches(count: number, failAt?: number) {
  const state = { pulled: 0, finished: false };
  async function* batches() {
    try {
      for (let index = 0; index < count; index++) {
        state.pulled++;
        if (index === failAt) throw new Error("the database went away");
        yield [index];
      }
    } finally {
      state.finished = true;
    }
  }
  return { batches: batches(), state };
}

const ticks = async (count = 5) => {
  for (let index = 0; index < count; index++) await new Promise((resolve) => setImmediate(resolve));
};
const text = (chunk: Uint8Array | undefined) => new TextDecoder().decode(chunk);

describe("boundedExportStream", () => {
  it("reads the next batch only when the consumer asks for it, never ahead", async () => {
    const { slot, calls } = fakeSlot();
    const { batches, state } = countingBatches(3);
    const reader = boundedExportStream({ slot, batches, head: "H", encode: (batch) => `[${batch.join()}]`, tail: "T" }).getReader();
    await ticks();
    expect(state.pulled).toBe(0);
    expect(text((await reader.read()).value)).toBe("H");
    await ticks();
    expect(state.pulled).toBe(0);
    expect(text((await reader.read()).value)).toBe("[0]");
    await ticks();
    // Nothing read ahead while the consumer waits: memory is the one batch in hand.
    expect(state.pulled).toBe(1);
    expect(text((await reader.read()).value)).toBe("[1]");
    expect(text((await reader.read()).value)).toBe("[2]");
    expect(text((await reader.read()).value)).toBe("T");
    expect((await reader.read()).done).toBe(true);
    expect(state).toEqual({ pulled: 3, finished: true });
    expect(calls.released).toBe(1);
  });

  it("gives the slot back when the consumer goes away", async () => {
    const { slot, calls } = fakeSlot();
    const { batches, state } = countingBatches(100);
    const reader = boundedExportStream({ slot, batches, head: "H", encode: String }).getReader();
    await reader.read();
    await reader.read();
    await reader.cancel();
    expect(calls.released).toBe(1);
    expect(state).toEqual({ pulled: 1, finished: true });
  });

  it("ends an export whose consumer stalls, and gives the slot back", async () => {
    const { slot, calls } = fakeSlot();
    const { batches, state } = countingBatches(100);
    const reader = boundedExportStream({ slot, batches, head: "H", encode: String, idleMs: 50 }).getReader();
    await reader.read();
    await reader.read();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(calls.released).toBe(1);
    expect(state.finished).toBe(true);
    await expect(reader.read()).rejects.toThrow("export ended: nothing was read for 0 s");
  });

  it("ends with an error, slot given back, when a batch fails", async () => {
    const { slot, calls } = fakeSlot();
    const { batches } = countingBatches(5, 1);
    const reader = boundedExportStream({ slot, batches, head: "H", encode: String }).getReader();
    await reader.read();
    await reader.read();
    await expect(reader.read()).rejects.toThrow("the database went away");
    expect(calls.released).toBe(1);
  });
});
