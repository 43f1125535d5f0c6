/** The outcome of canonicalising a link: the canonical URL, or a reason fit to show beside the field. */
export type CanonicalUrlResult = { ok: true; url: string } | { ok: false; reason: string };

/** Longest URL accepted, before and after canonicalisation; longer ones are rarely real links. */
export const MAX_URL_LENGTH = 2048;

/**
 * Query parameters that only tell a publisher or advertiser how a reader arrived, compared in
 * lower case. Dropping them makes one article one Source, however it was shared.
 */
export const TRACKING_PARAMETERS: ReadonlySet<string> = new Set([
  // Advertising click identifiers: Google, DoubleClick, Microsoft, Meta, Yandex, TikTok, X, LinkedIn.
  "gclid", "gclsrc", "gbraid", "wbraid", "dclid", "msclkid", "fbclid", "yclid", "ttclid", "twclid", "li_fat_id",
  // Analytics and e-mail campaign tags: Google Analytics, Mailchimp, HubSpot, Marketo, Adobe, AT Internet.
  "_ga", "_gl", "mc_cid", "mc_eid", "_hsenc", "_hsmi", "__hstc", "__hssc", "__hsfp", "mkt_tok", "s_cid",
  "xtor", "at_medium", "at_campaign",
  // Social sharing tags: Instagram, X, New York Times and other news sites.
  "igshid", "igsh", "ref_src", "ref_url", "smid", "cmpid", "cmp", "ncid", "sr_share", "__twitter_impression",
]);

/** Prefixes of whole families of tracking parameters (utm_source, utm_medium, utm_campaign …). */
export const TRACKING_PARAMETER_PREFIXES: readonly string[] = ["utm_"];

function isTrackingParameter(rawName: string): boolean {
  let name: string;
  try {
    name = decodeURIComponent(rawName.replace(/\+/g, " ")).toLowerCase();
  } catch {
    return false;
  }
  return TRACKING_PARAMETERS.has(name) || TRACKING_PARAMETER_PREFIXES.some((prefix) => name.startsWith(prefix));
}

// Parameters are kept exactly as written (re-encoding "a%20b" as "a+b" could change what some
// servers return) and sorted by name, stably, so repeated names keep their relative order.
function canonicalQuery(search: string): string {
  const parameters = search
    .replace(/^\?/, "")
    .split("&")
    .filter((parameter) => parameter !== "")
    .map((parameter) => ({ parameter, name: parameter.split("=", 1)[0] ?? "" }))
    .filter(({ name }) => !isTrackingParameter(name));
  parameters.sort((left, right) => (left.name < right.name ? -1 : left.name > right.name ? 1 : 0));
  return parameters.map(({ parameter }) => parameter).join("&");
}

/**
 * Canonical form of a source link: http or https only, no credentials, lower-case scheme and host
 * (IDN hosts in punycode, no trailing dot, no default port), no fragment, no tracking parameters,
 * other parameters sorted, the path kept as the WHATWG URL parser normalises it ("" becomes "/",
 * dot segments resolve, case is kept because paths are case-sensitive).
 */
export function canonicalizeUrl(input: string): CanonicalUrlResult {
  const text = input.trim();
  if (text === "") return { ok: false, reason: "Enter a link." };
  if (text.length > MAX_URL_LENGTH) return { ok: false, reason: `Links longer than ${MAX_URL_LENGTH} characters are not accepted.` };

  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: "Enter a full link starting with http:// or https://." };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return { ok: false, reason: `Only http and https links are accepted, not ${url.protocol}` };
  }
  if (url.username !== "" || url.password !== "") {
    return { ok: false, reason: "Links with a user name or password in them are not accepted." };
  }
  // "example.com." names the same host as "example.com" (the dot is the DNS root); URL keeps it.
  const hostname = url.hostname.endsWith(".") ? url.hostname.slice(0, -1) : url.hostname;
  if (hostname.split(".").some((label) => label === "")) {
    return { ok: false, reason: "The link's host name is not valid." };
  }

  const host = url.port === "" ? hostname : `${hostname}:${url.port}`;
  const query = canonicalQuery(url.search);
  const canonical = `${url.protocol}//${host}${url.pathname || "/"}${query === "" ? "" : `?${query}`}`;
  if (canonical.length > MAX_URL_LENGTH) {
    return { ok: false, reason: `Links longer than ${MAX_URL_LENGTH} characters are not accepted.` };
  }
  return { ok: true, url: canonical };
}

/** Whether the input is a link canonicalizeUrl accepts (absolute http or https, no credentials, not too long). */
export function isHttpUrl(input: string): boolean {
  return canonicalizeUrl(input).ok;
}
