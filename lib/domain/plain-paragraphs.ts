// Which Markdown bodies are plain prose: no character Markdown gives a meaning to, no line that
// could open a block (list, heading, code, quote), no trailing spaces (hard breaks). For those,
// the parser's output is known: one paragraph per block of lines separated by blank lines, the
// lines' text unchanged. Anything else goes through the parser (components/markdown.tsx).

// Letters, digits, spaces and punctuation that mean nothing to CommonMark in running text.
const PLAIN_TEXT = /^[\p{L}\p{M}\p{N} \n,.;:'"?!()/%$€£¥@’‘“”—–\-]*$/u;
// A line that starts a list item ("- ", "1. ", "2) "), a setext underline or a thematic break.
const BLOCK_START = /^(?:[-+*]|\d{1,9}[.)])(?: |$)|^-+$|^[-–—]/m;

/** The paragraphs of a plain-prose body, or null when it needs the Markdown parser. */
export function plainParagraphs(text: string): string[] | null {
  if (text.length === 0 || text.length > 5_000 || !PLAIN_TEXT.test(text)) return null;
  // Lines starting with a space (indented code, continuation), a space before a line end (a hard
  // break when doubled), runs of blank lines: left to the parser.
  if (BLOCK_START.test(text) || /\n |  | \n|\n\n\n/.test(text) || text !== text.trim()) return null;
  return text.split("\n\n");
}
