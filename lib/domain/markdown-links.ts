// Which links in analysts' Markdown readers can trust (stated on /methodology#links): a link to a
// path on Pactwatch itself ("/agreements/gsomia", "#sources") is ours; anything else is off-site
// and says so — an "(external)" marker after its text, rel="nofollow ugc noopener noreferrer" —
// including protocol-relative "//other.host/…", which is written out as https. Targets other
// than http(s) and mailto (javascript:, data:, "/\\host" that browsers read as "//host") are dropped.

export type TMarkdownLink = { href: string; isOffSite: boolean } | null;

const CONTROL_OR_SPACE = /[\u0000-\u0020\u007f-\u009f\\]/;

/** Classifies a Markdown link target; null when the link must not be followed at all. */
export function classifyMarkdownLink(url: string): TMarkdownLink {
  const target = url.trim();
  if (target === "" || CONTROL_OR_SPACE.test(target)) return null;
  if (target.startsWith("#")) return { href: target, isOffSite: false };
  if (target.startsWith("//")) return isHttpUrl(`https:${target}`) ? { href: new URL(`https:${target}`).href, isOffSite: true } : null;
  if (target.startsWith("/")) return { href: target, isOffSite: false };
  if (/^mailto:/i.test(target)) return { href: target, isOffSite: true };
  if (/^https?:/i.test(target)) return isHttpUrl(target) ? { href: new URL(target).href, isOffSite: true } : null;
  return null;
}

function isHttpUrl(candidate: string): boolean {
  try {
    const parsed = new URL(candidate);
    return (parsed.protocol === "https:" || parsed.protocol === "http:") && parsed.hostname !== "";
  } catch {
    return false;
  }
}
