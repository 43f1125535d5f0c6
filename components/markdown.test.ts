import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { classifyMarkdownLink } from "../lib/domain/markdown-links";
import { plainParagraphs } from "../lib/domain/plain-paragraphs";
import { Markdown, ParsedMarkdown } from "./markdown";

const render = (markdown: string) => renderToStaticMarkup(createElement(Markdown, null, markdown));

describe("Markdown links", () => {
  it("marks a protocol-relative link as off-site, written out as https", () => {
    const html = render("See [the ministry](//other.host/statement).");
    expect(html).toContain('<a href="https://other.host/statement" rel="nofollow ugc noopener noreferrer">the ministry<span class="text-muted"> (external)</span></a>');
  });

  it("marks absolute links off-site and keeps our own paths and fragments plain", () => {
    const html = render("[NYT](https://www.nytimes.com/x) [GSOMIA](/agreements/gsomia) [sources](#sources)");
    expect(html).toContain('<a href="https://www.nytimes.com/x" rel="nofollow ugc noopener noreferrer">NYT<span class="text-muted"> (external)</span></a>');
    expect(html).toContain('<a href="/agreements/gsomia">GSOMIA</a>');
    expect(html).toContain('<a href="#sources">sources</a>');
  });

  it("drops targets that could run script or leave the site unannounced", () => {
    const html = render("[a](javascript:alert(1)) [b](/\\evil.example) [c](data:text/html,x) [d](<//evil.example\tx>) <script>alert(1)</script>");
    expect(html).not.toMatch(/javascript:|data:|href="\/\\|<script/);
    expect(html).toContain("<span>a</span>");
    // Markdown's own URL encoding makes the backslash "%5C": a path on our site, not another host.
    expect(html).toContain('<a href="/%5Cevil.example">b</a>');
  });

  it("classifies link targets", () => {
    expect(classifyMarkdownLink("//other.host")).toEqual({ href: "https://other.host/", isOffSite: true });
    expect(classifyMarkdownLink("///other.host")).toEqual({ href: "https://other.host/", isOffSite: true });
    expect(classifyMarkdownLink("/\\other.host")).toBeNull();
    expect(classifyMarkdownLink("/\t/other.host")).toBeNull();
    expect(classifyMarkdownLink("mailto:desk@pactwatch.test")).toEqual({ href: "mailto:desk@pactwatch.test", isOffSite: true });
    expect(classifyMarkdownLink("HTTPS://Example.org/a")).toEqual({ href: "https://example.org/a", isOffSite: true });
    expect(classifyMarkdownLink("/measures/x?y=1")).toEqual({ href: "/measures/x?y=1", isOffSite: false });
    expect(classifyMarkdownLink("vbscript:x")).toBeNull();
  });
});

describe("Markdown's plain-prose path", () => {
  const parsed = (markdown: string) => renderToStaticMarkup(createElement(ParsedMarkdown, null, markdown));

  it("gives the parser's HTML for every body it takes, and leaves Markdown to the parser", () => {
    // Seeded, so a failure replays: words, punctuation, Markdown's own characters, line ends.
    let state = 20260101;
    const random = () => (state = (state * 48271) % 2147483647) / 2147483647;
    const pieces = ["Seoul", "décidé", "2019", "1.", "2)", " ", " ", " ", "\n", "\n\n", "\n\n\n", ",", ".", ":", "'", '"', "?", "!", "(", ")", "/", "%", "—", "-", "- ", "* ", "#", "**", "_", "`", "[x](/a)", "<b>", "&amp;", "> ", "=", "  \n", "\t", "https://example.org", "www.example.org", "€5", "“q”"];
    let plain = 0;
    for (let sample = 0; sample < 3_000; sample++) {
      const length = 1 + Math.floor(random() * 12);
      const text = Array.from({ length }, () => pieces[Math.floor(random() * pieces.length)]!).join("");
      if (plainParagraphs(text)) plain += 1;
      expect(render(text), JSON.stringify(text)).toBe(parsed(text));
    }
    // Both paths were taken often.
    expect(plain).toBeGreaterThan(300);
    expect(plain).toBeLessThan(2_700);
    expect(plainParagraphs("Seoul **suspended** its notice.")).toBeNull();
    expect(plainParagraphs("First paragraph.\n\nSecond one, with a line\nbreak.")).toEqual(["First paragraph.", "Second one, with a line\nbreak."]);
  });
});
