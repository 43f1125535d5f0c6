// CPU time and resident memory of a process and its descendants, read from Linux /proc.
import { execFileSync } from "node:child_process";
import fs from "node:fs";

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

type TStat = { pid: number; ppid: number; cpuTicks: number };

function readStat(pid: number): TStat | undefined {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces and parentheses: split after its last ")".
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    // fields[0] is field 3 (state): ppid is field 4, utime 14, stime 15.
    return { pid, ppid: Number(fields[1]), cpuTicks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return undefined;
  }
}

/** The pid and every descendant of it that is alive now. */
export function processTree(rootPid: number): number[] {
  const all = fs
    .readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readStat(Number(name)))
    .filter((stat): stat is TStat => stat !== undefined);
  const tree = new Set([rootPid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const stat of all) {
      if (!tree.has(stat.pid) && tree.has(stat.ppid)) {
        tree.add(stat.pid);
        grew = true;
      }
    }
  }
  return [...tree];
}

/** CPU seconds (user + system) used so far by a process tree. */
export function treeCpuSeconds(rootPid: number): number {
  return processTree(rootPid).reduce((sum, pid) => sum + (readStat(pid)?.cpuTicks ?? 0), 0) / CLOCK_TICKS;
}

/** Resident memory (VmRSS) of the tree's largest process, in MB: the app server itself. */
export function largestRssMb(rootPid: number): number {
  let largest = 0;
  for (const pid of processTree(rootPid)) {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
      if (match) largest = Math.max(largest, Number(match[1]) / 1024);
    } catch {
      // the process ended meanwhile
    }
  }
  return largest;
}
