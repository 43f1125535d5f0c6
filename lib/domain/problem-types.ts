// The kinds of problem the API answers (RFC 9457 application/problem+json). Each one's `type` is
// <origin>/methodology/problems/<slug>, a page that explains it (app/(public)/methodology/problems),
// so the URL in a response and the page a reader opens come from this one table.

export type TProblemType = {
  /** The last segment of the type URL; stable: clients may compare it. */
  slug: string;
  status: number;
  title: string;
  /** What it means and what to do, in a sentence or two: shown on the methodology page. */
  meaning: string;
};

export const PROBLEM_TYPES = {
  MALFORMED_BODY: {
    slug: "malformed-body",
    status: 400,
    title: "The body is not valid JSON",
    meaning: "The request body could not be read as JSON (or as UTF-8). Fix the syntax and send it again; nothing was saved.",
  },
  UNAUTHENTICATED: {
    slug: "unauthenticated",
    status: 401,
    title: "Sign-in required",
    meaning: "Send an API token as `Authorization: Bearer <token>` (create one on your account page), or sign in. A token that is unknown, revoked or expired is refused, never ignored.",
  },
  FORBIDDEN: {
    slug: "forbidden",
    status: 403,
    title: "Not allowed",
    meaning: "You are signed in, but your role may not do this, or a browser page on another site tried to write with your session: writes with a session cookie must come from Pactwatch's own pages; scripts use a token.",
  },
  NOT_FOUND: {
    slug: "not-found",
    status: 404,
    title: "Not found",
    meaning: "Nothing is published at this address, or the API has no such path. Drafts are not part of the public record.",
  },
  METHOD_NOT_ALLOWED: {
    slug: "method-not-allowed",
    status: 405,
    title: "Method not allowed",
    meaning: "The path exists but does not take this method; the `Allow` header lists the ones it takes.",
  },
  CONFLICT: {
    slug: "conflict",
    status: 409,
    title: "The record changed since you read it",
    meaning: "Someone saved this record after the version you sent (the `version` field or `If-Match`). The problem carries the current version: read it, reapply your change and send it with that version.",
  },
  IDEMPOTENCY_KEY_IN_PROGRESS: {
    slug: "idempotency-key-in-progress",
    status: 409,
    title: "A request with this Idempotency-Key is still running",
    meaning: "Another request with the same `Idempotency-Key` has not finished. Wait for the seconds in `Retry-After` and send it again: you will get the first request's answer, and nothing is written twice.",
  },
  BODY_TOO_LARGE: {
    slug: "body-too-large",
    status: 413,
    title: "The body is too large",
    meaning: "The request body is larger than the endpoint accepts (the problem's `maxBytes`, counted in UTF-8 bytes). Nothing was read past the limit and nothing was saved.",
  },
  UNSUPPORTED_MEDIA_TYPE: {
    slug: "unsupported-media-type",
    status: 415,
    title: "Send the body as application/json",
    meaning: "Write endpoints take JSON only, with the header `Content-Type: application/json` (a `charset=utf-8` parameter is fine). Other types, such as text/plain or forms, are refused so that other sites cannot post to the API from a browser.",
  },
  INVALID_INPUT: {
    slug: "invalid-input",
    status: 422,
    title: "Some fields need attention",
    meaning: "The body or the query string was read but some values are not acceptable. `errors` maps each field (dotted path, e.g. `citations.0.url`) to what is wrong with it.",
  },
  IDEMPOTENCY_KEY_REUSED: {
    slug: "idempotency-key-reused",
    status: 422,
    title: "This Idempotency-Key was used for another request",
    meaning: "An `Idempotency-Key` names one request: a retry must repeat the same method, path and body. Use a new key for a new request. Keys are kept for 24 hours.",
  },
  RATE_LIMITED: {
    slug: "rate-limited",
    status: 429,
    title: "Too many requests",
    meaning: "You sent more requests than the limit allows. Wait for the seconds in the `Retry-After` header, then try again.",
  },
  INTERNAL: {
    slug: "internal",
    status: 500,
    title: "Something went wrong on our side",
    meaning: "An unexpected error; nothing was saved. It has been logged. Trying again later is safe.",
  },
  UNAVAILABLE: {
    slug: "unavailable",
    status: 503,
    title: "Temporarily unavailable",
    meaning: "Pactwatch cannot reach its database for the moment; nothing was saved. Try again after the seconds in the `Retry-After` header.",
  },
} as const satisfies Record<string, TProblemType>;

export type TProblemTypeName = keyof typeof PROBLEM_TYPES;

export const PROBLEM_TYPE_LIST: readonly TProblemType[] = Object.values(PROBLEM_TYPES);

/** The path of a problem type's page; the API prefixes it with the app's origin. */
export function problemTypePath(name: TProblemTypeName): string {
  return `/methodology/problems/${PROBLEM_TYPES[name].slug}`;
}

export function problemTypeBySlug(slug: string): TProblemType | undefined {
  return PROBLEM_TYPE_LIST.find((type) => type.slug === slug);
}
