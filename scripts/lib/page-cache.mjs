// The HTTP server's cache of what signed-out readers are answered (decision 024). Rendering a
// page costs Next.js 5 ms plus about 0.11 ms per kilobyte of HTML and its RSC payload, so a
// 170 KB agreement page is 25–30 ms of CPU however fast its SQL; when news breaks, thousands of
// readers ask for the same few pages. An answer is kept under the database's published version
// (the sum of "PublishedVersion", which grows when any write to what readers see commits), read
// before the page renders, from the database the page reads; a later request is served the kept
// answer only while the version is still the same. So a write on any app process is seen by the
// next request on every process, and nothing is kept that a write could have made stale. Time
// moves pages too (a scheduled change takes effect, "today" moves): an answer is kept at most
// ttlMs, and never past the next recorded instant at which a published change takes effect or
// occurs.
//
// Only what any visitor would be answered alike: GET without cookies or credentials, not a
// search or export (those count against per-address limits, which must see every request), not
// Next.js's own navigation requests, answered 200 without Set-Cookie. Each answer served gets a
// fresh CSP nonce in place of the rendered one.
import { randomBytes } from "node:crypto";
import { gzip } from "node:zlib";
import { promisify } from "node:util";

const gzipAsync = promisify(gzip);

/** Paths never kept: session and sign-in flows, limited exports, health, Next.js's files. */
const NEVER = /^\/(api\/auth|api\/health|api\/v1\/health|exports|sign-in|sign-out|_next)(\/|$)/;
/** Request headers that make an answer particular to its caller or a Next.js navigation. */
const PERSONAL_HEADERS = ["cookie", "authorization", "rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-action", "if-none-match", "if-modified-since", "range"];
/** Response headers not replayed: they describe one connection or are recomputed. */
const NOT_REPLAYED = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length"]);
const STORED_TYPES = /^(text\/html|application\/json|application\/atom\+xml|application\/problem\+json)/;
const NONCE = /'nonce-([A-Za-z0-9+/]{22}==)'/;

/** Whether a request may be answered from, or kept in, the cache. */
export function isCacheable(request) {
  if (request.method !== "GET") return false;
  if (PERSONAL_HEADERS.some((name) => request.headers[name] !== undefined)) return false;
  // A client asking for a fresh answer (a hard reload; the benchmark measuring the render) gets one.
  if (/\bno-cache\b/.test(String(request.headers["cache-control"] ?? "")) || /\bno-cache\b/.test(String(request.headers.pragma ?? ""))) return false;
  const url = new URL(request.url ?? "/", "http://cache.invalid");
  if (NEVER.test(url.pathname) || url.searchParams.has("_rsc")) return false;
  return !url.searchParams.getAll("q").some((value) => value.trim() !== "");
}

function keyOf(request) {
  const h = request.headers;
  return JSON.stringify([h.host ?? "", h["x-forwarded-host"] ?? "", h["x-forwarded-proto"] ?? "", h.accept ?? "", request.url ?? "/"]);
}

const acceptsGzip = (request) => /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));

/**
 * @param {{
 *   readVersion: () => Promise<{ version: string; nextTransition: Date | null }>,
 *   maxBytes: number, maxEntryBytes?: number, ttlMs: number,
 *   now?: () => number, onError?: (error: Error) => void, joinWaitMs?: number,
 * }} options
 */
export function createPageCache({ readVersion, maxBytes, maxEntryBytes = 2 * 1024 * 1024, ttlMs, now = Date.now, onError = () => {}, joinWaitMs = 5_000 }) {
  /** @type {Map<string, { version: string; expiresAt: number; status: number; headers: [string, string][]; nonceMark: string; parts: Buffer[]; bytes: number }>} */
  const entries = new Map();
  let bytes = 0;
  const stats = { hits: 0, misses: 0, stored: 0, bypassed: 0, joined: 0 };
  // Renders under way, by key: when a write moves the version, every reader of a busy page misses
  // at once; those arriving while one render of it runs wait for that render (at most joinWaitMs)
  // and are answered what it kept, instead of each rendering the same page again.
  /** @type {Map<string, { version: string; settled: Promise<void> }>} */
  const flights = new Map();

  const remove = (key) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.bytes;
  };
  const store = (key, entry) => {
    if (entry.bytes > maxEntryBytes || entry.bytes > maxBytes) return;
    remove(key);
    entries.set(key, entry);
    bytes += entry.bytes;
    // Least recently used first: Map keeps insertion order and a hit re-inserts.
    for (const [oldest] of entries) {
      if (bytes <= maxBytes) break;
      remove(oldest);
    }
    stats.stored += 1;
  };

  async function serve(request, response, entry) {
    const nonce = randomBytes(16).toString("base64");
    const body = Buffer.concat(entry.parts.flatMap((part, index) => (index === 0 ? [part] : [Buffer.from(nonce), part])));
    const gzipped = acceptsGzip(request) && body.length > 1024 ? await gzipAsync(body, { level: 1 }) : null;
    const payload = gzipped ?? body;
    for (const [name, value] of entry.headers) response.setHeader(name, value.replaceAll(entry.nonceMark, nonce));
    if (gzipped) response.setHeader("content-encoding", "gzip");
    response.setHeader("content-length", payload.length);
    response.setHeader("x-pactwatch-cache", "hit");
    response.writeHead(entry.status);
    response.end(payload);
  }

  /** Answers `request` from the cache, or lets `handle` answer it and keeps that answer. */
  async function handle(request, response, next) {
    if (!isCacheable(request)) {
      stats.bypassed += 1;
      return next();
    }
    let state;
    try {
      // Before the page renders: what it then reads is at least this new.
      state = await readVersion();
    } catch (error) {
      onError(error);
      stats.bypassed += 1;
      return next();
    }
    const key = keyOf(request);
    const kept = entries.get(key);
    if (kept && kept.version === state.version && now() < kept.expiresAt) {
      entries.delete(key);
      entries.set(key, kept);
      stats.hits += 1;
      return serve(request, response, kept);
    }
    if (kept) remove(key);
    const flight = flights.get(key);
    if (flight && flight.version === state.version) {
      stats.joined += 1;
      let timer;
      await Promise.race([flight.settled, new Promise((resolve) => (timer = setTimeout(resolve, joinWaitMs)))]);
      clearTimeout(timer);
      const rendered = entries.get(key);
      if (rendered && rendered.version === state.version && now() < rendered.expiresAt) {
        stats.hits += 1;
        return serve(request, response, rendered);
      }
      // Not kept (not a 200, too large, too slow): this request renders its own answer.
    }
    stats.misses += 1;
    let settle = () => {};
    if (!flights.has(key)) {
      const settled = new Promise((resolve) => (settle = resolve));
      flights.set(key, { version: state.version, settled });
      const ownSettle = settle;
      settle = () => {
        if (flights.get(key)?.settled === settled) flights.delete(key);
        ownSettle();
      };
    }
    const startedAt = now();
    const transition = state.nextTransition?.getTime() ?? Infinity;
    // Rendered plain, so the kept bytes can take a new nonce; a kept answer is compressed when served.
    delete request.headers["accept-encoding"];
    response.setHeader("x-pactwatch-cache", "miss");
    capture(response, maxEntryBytes, (captured) => {
      try {
        keep(captured);
      } finally {
        settle();
      }
    });
    return next();

    function keep(captured) {
      if (!captured || captured.status !== 200) return;
      const headers = Object.entries(captured.headers).filter(([name]) => !NOT_REPLAYED.has(name) && name !== "x-pactwatch-cache");
      const find = (name) => headers.find(([header]) => header === name)?.[1];
      if (find("set-cookie") !== undefined || find("content-encoding") !== undefined) return;
      if (!STORED_TYPES.test(find("content-type") ?? "")) return;
      const body = Buffer.concat(captured.chunks);
      const nonce = NONCE.exec(find("content-security-policy") ?? "")?.[1];
      // An HTML page always carries its nonce; one without is not what this cache understands.
      if (!nonce && /^text\/html/.test(find("content-type") ?? "")) return;
      const parts = nonce ? splitOn(body, Buffer.from(nonce)) : [body];
      store(key, {
        version: state.version,
        expiresAt: Math.min(startedAt + ttlMs, transition),
        status: 200,
        headers: headers.map(([name, value]) => [name, Array.isArray(value) ? value.join(", ") : String(value)]),
        nonceMark: nonce ?? "\u0000no nonce\u0000",
        parts,
        bytes: body.length + 512,
      });
    }
  }

  return { handle, stats, size: () => ({ entries: entries.size, bytes }) };
}

function splitOn(buffer, separator) {
  const parts = [];
  let start = 0;
  for (let at = buffer.indexOf(separator, start); at !== -1; at = buffer.indexOf(separator, start)) {
    parts.push(buffer.subarray(start, at));
    start = at + separator.length;
  }
  parts.push(buffer.subarray(start));
  return parts;
}

/**
 * Records what is written to `response` while passing it on unchanged; calls `done` once it
 * has all been sent, with the status, headers and body, or with null when the answer was cut
 * off or grew past `limit` bytes.
 */
function capture(response, limit, onDone) {
  let isDone = false;
  const done = (captured) => {
    if (isDone) return;
    isDone = true;
    onDone(captured);
  };
  const chunks = [];
  let size = 0;
  let isTooLarge = false;
  let headHeaders = {};
  const original = { writeHead: response.writeHead, write: response.write, end: response.end };
  const take = (chunk, encoding) => {
    if (isTooLarge || chunk === undefined || chunk === null || typeof chunk === "function") return;
    const buffer = typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8") : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    size += buffer.length;
    if (size > limit) {
      isTooLarge = true;
      chunks.length = 0;
    } else chunks.push(Buffer.from(buffer));
  };
  response.writeHead = function writeHead(status, ...rest) {
    const headers = rest.find((argument) => argument && typeof argument === "object");
    if (headers && !Array.isArray(headers)) headHeaders = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
    return original.writeHead.call(response, status, ...rest);
  };
  response.write = function write(chunk, encoding, callback) {
    take(chunk, encoding);
    return original.write.call(response, chunk, encoding, callback);
  };
  response.end = function end(chunk, encoding, callback) {
    take(chunk, encoding);
    return original.end.call(response, chunk, encoding, callback);
  };
  response.once("finish", () => {
    if (isTooLarge) return done(null);
    done({ status: response.statusCode, headers: { ...response.getHeaders(), ...headHeaders }, chunks });
  });
  response.once("close", () => {
    if (!response.writableFinished) done(null);
  });
}
