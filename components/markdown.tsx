import ReactMarkdown, { defaultUrlTransform } from "react-markdown";
import { isMarkdownDepthBounded } from "@/lib/domain/markdown-depth";
import { classifyMarkdownLink } from "@/lib/domain/markdown-links";

// Bodies are written by analysts and read by everyone: raw HTML is dropped, and link targets
// pass lib/domain/markdown-links.ts — links to our own pages stay plain, off-site ones are
// marked "(external)" and carry rel="nofollow ugc", dangerous ones lose their target.
function safeUrl(url: string): string {
  return classifyMarkdownLink(defaultUrlTransform(url))?.href ?? "";
}

export function Markdown({ children }: { children: string }) {
  // A body nested deeper than the schema allows (stored before the limit, or written straight to
  // the database) would take seconds to parse and then overflow the stack: it is shown as written.
  if (!isMarkdownDepthBounded(children)) return <p className="whitespace-pre-wrap break-words leading-relaxed">{children}</p>;
  return (
    <div className="space-y-2 leading-relaxed [&_a]:underline [&_ol]:list-decimal [&_ol]:pl-6 [&_ul]:list-disc [&_ul]:pl-6">
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
