import { describe, expect, it } from "vitest";
import { isPrivateAddress, webhookUrlProblem } from "./webhook-address";
import { signWebhook, verifyWebhook } from "./webhook-signature";

describe("webhookUrlProblem", () => {
  it("takes https anywhere, and http to this machine only outside production", () => {
    expect(webhookUrlProblem("https://hooks.example.org/p", true)).toBeNull();
    expect(webhookUrlProblem("http://127.0.0.1:8080/hook", false)).toBeNull();
    expect(webhookUrlProblem("http://127.0.0.1:8080/hook", true)).not.toBeNull();
    expect(webhookUrlProblem("http://hooks.example.org/p", false)).not.toBeNull();
    expect(webhookUrlProblem("ftp://hooks.example.org/p", false)).not.toBeNull();
    expect(webhookUrlProblem("https://user:secret@hooks.example.org/p", false)).not.toBeNull();
    expect(webhookUrlProblem("not a url", false)).not.toBeNull();
  });
  it("refuses private, loopback and link-local addresses in production", () => {
    for (const url of ["https://10.0.0.8/h", "https://192.168.1.2/h", "https://172.20.0.1/h", "https://169.254.169.254/latest", "https://[::1]/h", "https://localhost/h", "https://[fd00::1]/h", "https://100.64.0.1/h"]) {
      expect(webhookUrlProblem(url, true), url).not.toBeNull();
    }
    expect(isPrivateAddress("::ffff:127.0.0.1")).toBe(true);
    expect(isPrivateAddress("93.184.216.34")).toBe(false);
  });
});

describe("webhook signatures", () => {
  it("verify for the same secret, body and a fresh timestamp only", () => {
    const now = 1_800_000_000_000;
    const timestamp = now / 1000;
    const signature = signWebhook("whsec_key", timestamp, '{"a":1}');
    expect(verifyWebhook("whsec_key", String(timestamp), '{"a":1}', signature, now)).toBe(true);
    expect(verifyWebhook("whsec_other", String(timestamp), '{"a":1}', signature, now)).toBe(false);
    expect(verifyWebhook("whsec_key", String(timestamp), '{"a":2}', signature, now)).toBe(false);
    expect(verifyWebhook("whsec_key", String(timestamp), '{"a":1}', signature, now + 301_000)).toBe(false);
  });
});
