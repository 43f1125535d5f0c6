import * as xml from "xml-js";

// Atom (RFC 4287) written from plain data. Titles and summaries are type="text": whatever an
// analyst typed (a headline with "<script>", a subject named "<img onerror=…>") reaches a feed
// reader as characters, never as markup. Only `content` is HTML, built by the caller from
// escaped pieces (escapeHtml).

export type TAtomEntry = {
  id: string;
  title: string;
  link: string;
  updated: Date;
  published: Date;
  summary: string;
  /** HTML whose every piece of stored text went through escapeHtml. */
  contentHtml: string;
  categories: { term: string; label?: string }[];
};

export type TAtomFeed = {
  id: string;
  title: string;
  subtitle: string;
  alternateLink: string;
  selfLink: string;
  updated: Date;
  author: { name: string; uri: string };
  rights: string;
  entries: TAtomEntry[];
};

// Characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF).
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text safe inside HTML (and XML) markup: & < > " ' escaped, characters XML forbids dropped. */
export function escapeHtml(text: string): string {
  return text.replace(NOT_XML, "").replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

const text = (value: string) => ({ _attributes: { type: "text" }, _text: value });

/** The feed as an Atom XML document. */
export function atomDocument(feed: TAtomFeed): string {
  const document = {
    _declaration: { _attributes: { version: "1.0", encoding: "utf-8" } },
    feed: {
      _attributes: { xmlns: "http://www.w3.org/2005/Atom", "xml:lang": "en" },
      id: { _text: feed.id },
      title: text(feed.title),
      subtitle: text(feed.subtitle),
      updated: { _text: feed.updated.toISOString() },
      generator: { _text: "Pactwatch" },
      author: { name: { _text: feed.author.name }, uri: { _text: feed.author.uri } },
      rights: text(feed.rights),
      link: [
        { _attributes: { rel: "alternate", type: "text/html", href: feed.alternateLink } },
        { _attributes: { rel: "self", type: "application/atom+xml", href: feed.selfLink } },
      ],
      entry: feed.entries.map((entry) => ({
        id: { _text: entry.id },
        title: text(entry.title),
        link: { _attributes: { rel: "alternate", type: "text/html", href: entry.link } },
        updated: { _text: entry.updated.toISOString() },
        published: { _text: entry.published.toISOString() },
        author: { name: { _text: feed.author.name } },
        category: entry.categories.map((category) => ({ _attributes: category.label ? { term: category.term, label: category.label } : { term: category.term } })),
        summary: text(entry.summary),
        content: { _attributes: { type: "html" }, _text: entry.contentHtml },
      })),
    },
  };
  return xml.js2xml(document, {
    compact: true,
    spaces: 2,
    // xml-js escapes & < > in text but only " in attributes, and passes forbidden characters.
    textFn: (value: string) => value.replace(NOT_XML, ""),
    attributeValueFn: (value: string) => value.replace(NOT_XML, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"),
  });
}
