import ReactMarkdown, { defaultUrlTransform } from "react-markdown";

// Bodies are written by analysts and read by everyone: raw HTML is dropped, and link targets
// other than http(s) and mailto are removed, so no stored text can run script in a browser.
function safeUrl(url: string): string {
  const transformed = defaultUrlTransform(url);
  return /^(https?:|mailto:|#|\/)/i.test(transformed) ? transformed : "";
}

export function Markdown({ children }: { children: string }) {
  return (
    <div className="space-y-2 leading-relaxed [&_a]:underline [&_ol]:list-decimal [&_ol]:pl-6 [&_ul]:list-disc [&_ul]:pl-6">
      <ReactMarkdown
        skipHtml
        urlTransform={safeUrl}
        components={{ a: ({ node: _node, ...props }) => <a {...props} rel="nofollow noopener noreferrer" /> }}
      >
        {children}
      </ReactMarkdown>
    </div>
  );
}
