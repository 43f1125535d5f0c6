import { isDatabaseUnavailable } from "../../lib/server/database-unavailable";

// pg-boss 10 ends a job with complete() or fail() without awaiting either (manager.js, watch):
// when the database goes away at that moment the rejection is nobody's, and Node's default stops
// the process, taking the delivery worker (and under npm start the app's launcher) with it. The
// job itself is safe: it stays active and is retried after its expiry, when the sending lease
// (decision 039) decides whether it may send. So in a process running the worker, a rejection
// that means "the database is away" is logged and the process lives on; any other unhandled
// rejection is a bug and still stops it, as Node would.

type TRejectionHandlerOptions = { log: (message: string) => void; exit?: (code: number) => void };

let installed = false;

/** "log" for an outage the queue could not report, "exit" for anything else. */
export function unhandledRejectionVerdict(reason: unknown): "log" | "exit" {
  return isDatabaseUnavailable(reason) ? "log" : "exit";
}

/** The handler, for the worker's process; a second call installs nothing more. */
export function rejectionHandler({ log, exit = (code) => process.exit(code) }: TRejectionHandlerOptions): (reason: unknown) => void {
  return (reason) => {
    const message = reason instanceof Error ? reason.message : String(reason);
    if (unhandledRejectionVerdict(reason) === "log") {
      log(`the job queue could not reach the database to end a job (${message}); the job is retried after its expiry`);
      return;
    }
    console.error("unhandled promise rejection:", reason);
    exit(1);
  };
}

export function installQueueRejectionHandler(options: TRejectionHandlerOptions): void {
  if (installed) return;
  installed = true;
  process.on("unhandledRejection", rejectionHandler(options));
}
