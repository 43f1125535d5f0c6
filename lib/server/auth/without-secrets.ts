// Field names whose values never go back to the browser, not even to refill a form after a
// failure: a page's HTML (or its server-action payload) may be cached, logged or shoulder-read.
const SECRET_FIELD = /password|secret|token(?!Id$)/i;

/** The submitted values without passwords and secrets, at any depth; everything else as it was. */
export function withoutSecrets(values: Record<string, unknown>): Record<string, unknown> {
  const redact = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(redact);
    if (value && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).filter(([key]) => !SECRET_FIELD.test(key)).map(([key, inner]) => [key, redact(inner)]));
    }
    return value;
  };
  return redact(values) as Record<string, unknown>;
}
