import { describe, expect, it } from "vitest";
import { readJsonBody, readJsonObject } from "./read-json-body";

const JSON_TYPE = { "content-type": "application/json" };

/** A body that never ends, counting how many chunks were pulled from it. */
function endlessBody(chunk: Uint8Array) {
  const pulled = { chunks: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled.chunks += 1;
      controller.enqueue(chunk);
    },
    cancel() {
      pulled.cancelled = true;
    },
  });
  return { stream, pulled };
}

function streamed(stream: ReadableStream<Uint8Array>, headers: Record<string, string> = {}) {
  return new Request("http://pactwatch.test/api", { method: "POST", headers: { ...JSON_TYPE, ...headers }, body: stream, duplex: "half" } as RequestInit);
}

describe("reading a JSON body", () => {
  it("counts UTF-8 bytes, not characters", async () => {
    const body = JSON.stringify({ name: "ééééé" }); // 16 characters, 21 bytes
    expect(body.length).toBe(16);
    const request = () => new Request("http://pactwatch.test/api", { method: "POST", headers: JSON_TYPE, body });
    await expect(readJsonBody(request(), 21)).resolves.toEqual({ name: "ééééé" });
    await expect(readJsonBody(request(), 20)).rejects.toMatchObject({ code: "BODY_TOO_LARGE", message: "The body is larger than 20 bytes." });
  });

  it("refuses by Content-Length before reading a byte", async () => {
    const { stream, pulled } = endlessBody(new TextEncoder().encode(" "));
    await expect(readJsonBody(streamed(stream, { "content-length": "5000" }), 100)).rejects.toMatchObject({ code: "BODY_TOO_LARGE" });
    expect(pulled.chunks).toBeLessThanOrEqual(1); // the stream's own first pull, never a read past it
  });

  it("stops reading an endless body once it passes the limit", async () => {
    const { stream, pulled } = endlessBody(new Uint8Array(1024).fill(0x20));
    await expect(readJsonBody(streamed(stream), 10_000)).rejects.toMatchObject({ message: "The body is larger than 10000 bytes." });
    expect(pulled.chunks).toBeLessThan(20);
    expect(pulled.cancelled).toBe(true);
  });

  it("refuses a body whose Content-Length understates it", async () => {
    const { stream } = endlessBody(new Uint8Array(1024).fill(0x20));
    await expect(readJsonBody(streamed(stream, { "content-length": "10" }), 4096)).rejects.toMatchObject({ message: "The body is larger than 4096 bytes." });
  });

  it("refuses other content types, broken UTF-8, broken JSON and non-objects", async () => {
    const post = (body: BodyInit, headers: Record<string, string> = JSON_TYPE) => new Request("http://pactwatch.test/api", { method: "POST", headers, body });
    await expect(readJsonBody(post("{}", { "content-type": "text/plain" }))).rejects.toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE", message: expect.stringContaining("Content-Type: application/json") });
    await expect(readJsonBody(post(new Uint8Array([0x7b, 0xff, 0x7d])))).rejects.toMatchObject({ code: "MALFORMED_BODY", message: "The body is not valid UTF-8." });
    await expect(readJsonBody(post("{"))).rejects.toMatchObject({ code: "MALFORMED_BODY", message: "The body is not valid JSON." });
    await expect(readJsonObject(post("[1]"))).rejects.toMatchObject({ code: "INVALID_INPUT", message: expect.stringContaining("JSON object") });
    await expect(readJsonObject(post('{"a":1}'))).resolves.toEqual({ a: 1 });
  });

  it("takes exactly application/json, with parameters, and nothing that merely mentions it", async () => {
    const post = (type: string) => new Request("http://pactwatch.test/api", { method: "POST", headers: { "content-type": type }, body: '{"a":1}' });
    for (const type of ["application/json", "Application/JSON", "application/json; charset=utf-8", 'application/json;charset="UTF-8"', "application/json; foo=bar"]) {
      await expect(readJsonObject(post(type)), type).resolves.toEqual({ a: 1 });
    }
    for (const type of ["text/plain;charset=application/json", "text/plain; application/json", "application/json, text/plain", "application/jsonp", "application/json-patch+json", "multipart/form-data; boundary=application/json", "application/json; charset=latin1", "application/x-www-form-urlencoded"]) {
      await expect(readJsonObject(post(type)), type).rejects.toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE" });
    }
    await expect(readJsonObject(new Request("http://pactwatch.test/api", { method: "POST", body: new Uint8Array([0x7b, 0x7d]) }))).rejects.toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE" });
  });
});
