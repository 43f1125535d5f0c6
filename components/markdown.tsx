import ReactMarkdown, { defaultUrlTransform } from "react-markdown";
import { isMarkdownDepthBounded } from "@/lib/domain/markdown-depth";
import { classifyMarkdownLink } from "@/lib/domain/markdown-links";
import { plainParagraphs } from "@/lib/domain/plain-paragraphs";

// Bodies are written by analysts and read by everyone: raw HTML is dropped, and link targets
// pass lib/domain/markdown-links.ts — links to our own pages stay plain, off-site ones are
// marked "(external)" and carry rel="nofollow ugc", dangerous ones lose their target.
function safeUrl(url: string): string {
  return classifyMarkdownLink(defaultUrlTransform(url))?.href ?? "";
}

const MARKDOWN_CLASS = "space-y-2 leading-relaxed [&_a]:underline [&_ol]:list-decimal [&_ol]:pl-6 [&_ul]:list-disc [&_ul]:pl-6";

/**
 * A body as Markdown. Most bodies are plain sentences: those (plainParagraphs says which) are
 * drawn as the paragraphs the parser would make, without parsing — the parser was a tenth of a
 * history page's CPU. components/markdown.test.ts holds both paths to the same HTML.
 */
export function Markdown({ children }: { children: string }) {
  // A body nested deeper than the schema allows (stored before the limit, or written straight to
  // the database) would take seconds to parse and then overflow the stack: it is shown as written.
  if (!isMarkdownDepthBounded(children)) return <p className="whitespace-pre-wrap break-words leading-relaxed">{children}</p>;
  const paragraphs = plainParagraphs(children);
  if (!paragraphs) return <ParsedMarkdown>{children}</ParsedMarkdown>;
  return (
    <div className={MARKDOWN_CLASS}>
      {paragraphs.flatMap((paragraph, index) => (index === 0 ? [<p key={`p-${index}`}>{paragraph}</p>] : ["\n", <p key={`p-${index}`}>{paragraph}</p>]))}
    </div>
  );
}

/** Always through the parser (the path for bodies with Markdown in them; exported for the test). */
export function ParsedMarkdown({ children }: { children: string }) {
  return (
    <div className={MARKDOWN_CLASS}>
      <ReactMarkdown
        skipHtml
        urlTransform={safeUrl}
        components={{
          a: ({ node: _node, href, children: text, ...props }) => {
            const link = href ? classifyMarkdownLink(href) : null;
            if (!link) return <span>{text}</span>;
            if (!link.isOffSite) return <a {...props} href={link.href}>{text}</a>;
            return (
              <a {...props} href={link.href} rel="nofollow ugc noopener noreferrer">
                {text}
                <span className="text-muted"> (external)</span>
              </a>
            );
          },
        }}
      >
        {children}
      </ReactMarkdown>
    </div>
  );
}
