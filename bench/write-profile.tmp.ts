import { runWrites } from "./lib/writes";
const report = await runWrites({ appUrl: "http://127.0.0.1:3190", databaseUrl: process.env.BENCH_URL!, writers: 8, seconds: 6 });
console.log(JSON.stringify({ ...report }, null, 1));
