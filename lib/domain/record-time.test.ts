import { describe, expect, it } from "vitest";
import { recordAsOf, replayWrites, versionsOf, type TRecordWrite } from "./record-time";
import { seededRandom } from "../../tests/support/random-history";

// An asOf read over the stored versions equals replaying the writes up to that instant, on
// random write logs (publishes, edits, retractions, several writes in one transaction).

const HOUR = 3_600_000;

function randomLog(seed: number) {
  const { random, pick } = seededRandom(seed);
  const writes: TRecordWrite<string>[] = [];
  const shown = new Set<string>();
  const retired = new Set<string>();
  const knownAt = new Map<string, Date>();
  let at = Date.UTC(2019, 0, 1);
  const ids = Array.from({ length: 6 }, (_, index) => `d${index}`);
  for (let step = 0; step < 40; step++) {
    if (random() < 0.7) at += Math.floor(random() * 5) * HOUR; // 0: the same transaction
    const id = pick(ids);
    if (retired.has(id)) continue;
    if (!knownAt.has(id)) knownAt.set(id, new Date(Date.UTC(2018, 11, 20) + Math.floor(random() * 400) * HOUR));
    if (shown.has(id) && random() < 0.2) {
      writes.push({ kind: "retract", id, at: new Date(at) });
      shown.delete(id);
      retired.add(id);
    } else {
      writes.push({ kind: shown.has(id) ? "edit" : "publish", id, at: new Date(at), value: `${id} v${step}`, knownAt: knownAt.get(id)! });
      shown.add(id);
    }
  }
  return { writes, end: at, knownAt };
}

function asMap(versions: { id: string; value: string }[]) {
  return new Map(versions.map((version) => [version.id, version.value]));
}

describe("record time", () => {
  it("an asOf read on the recorded axis equals replaying the writes up to that instant", () => {
    for (let seed = 1; seed <= 200; seed++) {
      const { writes, end } = randomLog(seed);
      const versions = versionsOf(writes);
      for (let t = Date.UTC(2018, 11, 31); t <= end + HOUR; t += HOUR / 2) {
        const instant = new Date(t);
        const read = recordAsOf(versions, instant, "recorded");
        expect(read.length, `seed ${seed} at ${instant.toISOString()}: one version per development`).toBe(new Set(read.map((v) => v.id)).size);
        expect(asMap(read.map((v) => ({ id: v.id, value: v.value })))).toEqual(replayWrites(writes, instant));
      }
    }
  });

  it("an asOf read on the known axis is today's record of what was public by then", () => {
    for (let seed = 1; seed <= 200; seed++) {
      const { writes, end, knownAt } = randomLog(seed);
      const versions = versionsOf(writes);
      const now = replayWrites(writes, new Date(end));
      for (let t = Date.UTC(2018, 11, 19); t <= end + HOUR; t += HOUR * 3) {
        const instant = new Date(t);
        const expected = new Map([...now].filter(([id]) => knownAt.get(id)!.getTime() <= t));
        expect(asMap(recordAsOf(versions, instant, "known"))).toEqual(expected);
      }
    }
  });

  it("a version is shown from its write until the next, and writes of one instant leave one version", () => {
    const at = (hour: number) => new Date(Date.UTC(2019, 10, 22, hour));
    const versions = versionsOf<string>([
      { kind: "publish", id: "a", at: at(1), value: "first", knownAt: at(0) },
      { kind: "edit", id: "a", at: at(1), value: "amended", knownAt: at(0) },
      { kind: "edit", id: "a", at: at(5), value: "corrected", knownAt: at(0) },
      { kind: "retract", id: "a", at: at(9) },
    ]);
    expect(versions.map((v) => [v.value, v.recordedFrom.getUTCHours(), v.recordedUntil?.getUTCHours()])).toEqual([
      ["amended", 1, 5],
      ["corrected", 5, 9],
    ]);
    expect(recordAsOf(versions, at(4), "recorded").map((v) => v.value)).toEqual(["amended"]);
    expect(recordAsOf(versions, at(9), "recorded")).toEqual([]);
    expect(recordAsOf(versions, at(4), "known")).toEqual([]);
  });
});
