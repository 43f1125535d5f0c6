import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { verifyWebhook } from "../../lib/domain/webhook-signature";

/** A real SMTP server on a free loopback port, keeping every message it accepts, parsed. */
export async function startMailReceiver(options: { holdData?: () => Promise<void> } = {}) {
  const messages: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      void (async () => {
        try {
          const parsed = await simpleParser(stream);
          await options.holdData?.();
          messages.push(parsed);
          callback();
        } catch (error) {
          callback(error as Error);
        }
      })();
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, messages, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A webhook receiver answering each request with the next of `statuses` (then 200), checking signatures. */
export async function startWebhookReceiver(secretOf: () => string, statuses: number[] = []) {
  const received: { body: unknown; isSigned: boolean; deliveryId: string; answered: number }[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const isSigned = verifyWebhook(secretOf(), String(request.headers["pactwatch-timestamp"]), raw, String(request.headers["pactwatch-signature"]));
      const answered = statuses.shift() ?? 200;
      received.push({ body: JSON.parse(raw), isSigned, deliveryId: String(request.headers["pactwatch-delivery"]), answered });
      response.writeHead(answered).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hook`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Waits until `check` is true, polling; throws after `timeoutMs`. */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return Date.now() - started;
}
