// A delivery worker in a process of its own, for the test that kills one mid-delivery:
// DATABASE_URL and WORKER_IS_EMBEDDED name the test's database.
import { runDeliveryWorker } from "../../scripts/lib/delivery-worker";

const worker = await runDeliveryWorker(process.env.DATABASE_URL!, process.env.WORKER_IS_EMBEDDED === "1", (message) => console.log(`[worker ${process.pid}] ${message}`));
process.on("SIGTERM", () => void worker.stop().then(() => process.exit(0)));
