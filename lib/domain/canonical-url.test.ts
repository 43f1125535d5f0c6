import { describe, it, expect } from "vitest";
import { MAX_URL_LENGTH, canonicalizeUrl, isHttpUrl } from "./canonical-url";

const canonical = (input: string) => {
  const result = canonicalizeUrl(input);
  if (!result.ok) throw new Error(`Refused ${input}: ${result.reason}`);
  return result.url;
};
const reason = (input: string) => {
  const result = canonicalizeUrl(input);
  if (result.ok) throw new Error(`Accepted ${input} as ${result.url}`);
  return result.reason;
};

describe("canonicalizeUrl", () => {
  const article = "https://www.nytimes.com/2019/11/22/world/asia/south-korea-japan-intelligence.html";

  it("makes a shared New York Times link equal the plain one", () => {
    const shared = "  HTTPS://WWW.NYTimes.com/2019/11/22/world/asia/south-korea-japan-intelligence.html?smid=tw-share#comments ";
    expect(canonical(shared)).toBe(article);
    expect(canonical(article)).toBe(article);
  });

  it("drops tracking parameters in any case and keeps the rest, sorted", () => {
    expect(canonical("https://example.com/a?utm_source=x&UTM_Medium=y&b=2&fbclid=z&a=1&gclid=q&_ga=1")).toBe(
      "https://example.com/a?a=1&b=2",
    );
    expect(canonical("https://example.com/search?q=gsomia&page=2&mc_cid=1&mc_eid=2&igshid=3")).toBe(
      "https://example.com/search?page=2&q=gsomia",
    );
  });

  it("keeps repeated parameters in their order and their encoding as written", () => {
    expect(canonical("https://example.com/?tag=b&id=7&tag=a")).toBe("https://example.com/?id=7&tag=b&tag=a");
    expect(canonical("https://example.com/?q=a%20b&r=c+d&flag")).toBe("https://example.com/?flag&q=a%20b&r=c+d");
  });

  it("removes a question mark left with nothing after it", () => {
    expect(canonical("https://example.com/a?")).toBe("https://example.com/a");
    expect(canonical("https://example.com/a?utm_campaign=launch&ref_src=twsrc")).toBe("https://example.com/a");
    expect(canonical("https://example.com/a?&&id=1&")).toBe("https://example.com/a?id=1");
  });

  it("normalises the host but never the case of the path", () => {
    expect(canonical("HTTP://Example.COM:80/Reports/GSOMIA.PDF")).toBe("http://example.com/Reports/GSOMIA.PDF");
    expect(canonical("https://example.com:443")).toBe("https://example.com/");
    expect(canonical("https://example.com:8443/x")).toBe("https://example.com:8443/x");
    expect(canonical("https://www.mofa.go.kr./eng/index.do")).toBe("https://www.mofa.go.kr/eng/index.do");
    expect(canonical("https://example.com?b=1")).toBe("https://example.com/?b=1");
  });

  it("writes international host names in punycode", () => {
    expect(canonical("https://münchen.de/Straße")).toBe("https://xn--mnchen-3ya.de/Stra%C3%9Fe");
    expect(canonical("https://외교부.kr/")).toBe("https://xn--9d0b002a0wg.kr/");
  });

  it("refuses schemes other than http and https", () => {
    expect(reason("javascript:alert(1)")).toBe("Only http and https links are accepted, not javascript:");
    expect(reason("JavaScript:alert(document.cookie)")).toBe("Only http and https links are accepted, not javascript:");
    for (const link of ["data:text/html,<b>hi</b>", "file:///etc/passwd", "mailto:desk@example.com", "ftp://example.com/a"]) {
      expect(reason(link)).toMatch(/^Only http and https links are accepted, not [a-z]+:$/);
    }
  });

  it("refuses relative and empty links", () => {
    expect(reason("/2019/11/22/article.html")).toBe("Enter a full link starting with http:// or https://.");
    expect(reason("www.example.com/article")).toBe("Enter a full link starting with http:// or https://.");
    expect(reason("   ")).toBe("Enter a link.");
  });

  it("refuses credentials and broken host names", () => {
    expect(reason("https://user:secret@example.com/")).toBe("Links with a user name or password in them are not accepted.");
    expect(reason("https://user@example.com/")).toBe("Links with a user name or password in them are not accepted.");
    expect(reason("https://example..com/")).toBe("The link's host name is not valid.");
    expect(reason("https://./x")).toBe("The link's host name is not valid.");
  });

  it("refuses links longer than the limit", () => {
    const prefix = "https://example.com/";
    expect(canonical(prefix + "a".repeat(MAX_URL_LENGTH - prefix.length))).toHaveLength(MAX_URL_LENGTH);
    expect(reason(prefix + "a".repeat(MAX_URL_LENGTH - prefix.length + 1))).toBe(
      "Links longer than 2048 characters are not accepted.",
    );
  });

  it("drops every tracking parameter it promises to, in any case, and keeps look-alikes", () => {
    const promised = ["fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "_ga", "_gl", "yclid", "ref_src", "ref_url", "smid", "cmpid", "utm_content"];
    for (const name of promised) {
      expect(canonical(`https://example.com/a?keep=1&${name}=x`), name).toBe("https://example.com/a?keep=1");
      expect(canonical(`https://example.com/a?${name.toUpperCase()}=x&keep=1`), name.toUpperCase()).toBe("https://example.com/a?keep=1");
    }
    for (const name of ["id", "ref", "ga", "utm", "smid_x"]) expect(canonical(`https://example.com/a?${name}=7`), name).toBe(`https://example.com/a?${name}=7`);
  });
});

describe("isHttpUrl", () => {
  it("tells acceptable links from the rest", () => {
    expect(isHttpUrl("https://example.com")).toBe(true);
    expect(isHttpUrl("http://example.com/a?b=c")).toBe(true);
    expect(isHttpUrl("javascript:alert(1)")).toBe(false);
    expect(isHttpUrl("example.com")).toBe(false);
  });
});
