// The benchmark's command line: npm run bench -- [--quick] [--scale N] [--rounds N] [--seconds N] …
import { parseArgs } from "node:util";

export const USAGE = `usage: npm run bench -- [options]
  --quick            small dataset (kept and reused, like --reuse), 1 round of 3 s at 4 connections, 5 reads, no warm-up (under 2 minutes once filled and built)
  --scale N          status changes to generate (default 1000000; --quick: 20000)
  --rounds N         measured rounds, alternating app and floor (default 3; --quick: 1)
  --seconds N        length of one measurement (default 1; --quick: 3)
  --connections L    comma-separated concurrencies (default 1,16,32; --quick: 4)
  --budget M         start no further round once M minutes have passed (the write path and the embedded check still run)
  --keep             keep the benchmark database (named pactwatch_bench_<scale>) afterwards
  --reuse            use pactwatch_bench_<scale> if a previous --keep run filled it (skips the fill); implies --keep
  --fill-only        fill (or find filled) pactwatch_bench_<scale> and stop; implies --reuse
  --soak             add a 10-minute mixed-load run and report the app's resident memory (target ≤ 400 MB)
  --embedded         with --quick: add the embedded-default check (always part of a full run)
  --soak-seconds N   length of the soak (default 600)
  --no-embedded      skip the embedded-default check (GSOMIA page and history API at 4 connections)
  --no-peer          skip PostGraphile
  --write-seconds N  length of the write path (default 20; --quick: 5)
  --port-base N      ports used: N (app), N+2 (embedded app), N+5 (floor), N+6 (PostGraphile); default 3170 or BENCH_PORT_BASE`;

export type TOptions = {
  quick: boolean;
  scale: number;
  rounds: number;
  seconds: number;
  connections: number[];
  keep: boolean;
  reuse: boolean;
  fillOnly: boolean;
  soak: boolean;
  budgetMinutes?: number;
  soakSeconds: number;
  embedded: boolean;
  peer: boolean;
  writeSeconds: number;
  ports: TPorts;
};

export type TPorts = { app: number; embedded: number; floor: number; peer: number };

/** Every port the benchmark listens on, from one base, so two people on one machine can run it side by side. */
export function portsFrom(base: number): TPorts {
  if (base > 65_529) throw new Error(`--port-base ${base} leaves no room for the six ports above it`);
  return { app: base, embedded: base + 2, floor: base + 5, peer: base + 6 };
}

function positive(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text.replaceAll("_", ""));
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} needs a positive whole number, not “${text}”\n${USAGE}`);
  return value;
}

export function parseOptions(argv: string[]): TOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: "boolean", default: false },
      scale: { type: "string" },
      rounds: { type: "string" },
      seconds: { type: "string" },
      connections: { type: "string" },
      keep: { type: "boolean", default: false },
      reuse: { type: "boolean", default: false },
      soak: { type: "boolean", default: false },
      budget: { type: "string" },
      "fill-only": { type: "boolean", default: false },
      "soak-seconds": { type: "string" },
      embedded: { type: "boolean", default: false },
      "no-embedded": { type: "boolean", default: false },
      "no-peer": { type: "boolean", default: false },
      "write-seconds": { type: "string" },
      "port-base": { type: "string" },
      help: { type: "boolean", default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const quick = values.quick ?? false;
  const connections = (values.connections ?? (quick ? "4" : "1,16,32")).split(",").map((part) => positive("connections", part.trim(), 1));
  return {
    quick,
    scale: positive("scale", values.scale, quick ? 20_000 : 1_000_000),
    rounds: positive("rounds", values.rounds, quick ? 1 : 3),
    // One second a measurement in a full run: 15 reads × (3 app + 3 floor + rendered + pgbench)
    // measurements a round, three rounds, must fit 15 minutes with the fill; medians over the
    // rounds steady what one second alone would not.
    seconds: positive("seconds", values.seconds, quick ? 3 : 1),
    connections,
    // --quick keeps its small database: filling it is most of a quick run's time, and it is the same every time.
    keep: Boolean(quick || values.keep || values.reuse || values["fill-only"]),
    reuse: Boolean(quick || values.reuse || values["fill-only"]),
    fillOnly: values["fill-only"] ?? false,
    soak: values.soak ?? false,
    budgetMinutes: values.budget === undefined ? undefined : positive("budget", values.budget, 15),
    soakSeconds: positive("soak-seconds", values["soak-seconds"], 600),
    embedded: !values["no-embedded"] && (!quick || Boolean(values.embedded)),
    peer: !values["no-peer"],
    writeSeconds: positive("write-seconds", values["write-seconds"], quick ? 5 : 20),
    ports: portsFrom(positive("port-base", values["port-base"] ?? process.env.BENCH_PORT_BASE, 3170)),
  };
}
