import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { getDeliveryEnv } from "../env";

// Mail leaves through SMTP_URL when it is set; otherwise it is kept: the in-app outbox (the
// MailMessage row the caller writes) and an .eml file in the data folder's outbox/, so that the
// embedded default shows the feature on first start without a mail server.

export type TOutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Without angle brackets; the same for every attempt of one delivery, so a resend is recognisable. */
  messageId: string;
  unsubscribeUrl?: string;
};

let smtp: nodemailer.Transporter | undefined;

/** Sends (SMTP) or keeps (outbox) one message; answers which it did. */
export async function sendMail(mail: TOutgoingMail): Promise<"SMTP" | "OUTBOX"> {
  const env = getDeliveryEnv();
  const message = {
    from: env.MAIL_FROM,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: `<${mail.messageId}>`,
    // RFC 8058 one-click unsubscribe: mail clients POST "List-Unsubscribe=One-Click" to the URL.
    ...(mail.unsubscribeUrl ? { headers: { "List-Unsubscribe": `<${mail.unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" } } : {}),
  };
  if (env.SMTP_URL) {
    smtp ??= nodemailer.createTransport(env.SMTP_URL);
    await smtp.sendMail(message);
    return "SMTP";
  }
  const built = await nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" }).sendMail(message);
  const folder = path.resolve(env.PACTWATCH_DATA_DIR, "outbox");
  await fs.mkdir(folder, { recursive: true });
  await fs.writeFile(path.join(folder, `${mail.messageId.replace(/[^\w.@-]/g, "_")}.eml`), built.message as Buffer);
  return "OUTBOX";
}

/** For tests that switch SMTP_URL between runs. */
export function resetMailTransport(): void {
  smtp?.close();
  smtp = undefined;
}
