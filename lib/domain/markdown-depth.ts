// How deeply a Markdown body nests block containers (quotes and lists). The parser and the
// renderer recurse once per level: 5,000 nested ">" took 2.3 s of CPU and then overflowed the
// stack, so a stored body could break its page for good. The schema refuses bodies nested past
// MAX_MARKDOWN_DEPTH, and the renderer shows any deeper body (stored before the limit) as plain text.

/** Deepest nesting of quotes and lists a development's body may have. */
export const MAX_MARKDOWN_DEPTH = 16;

const TAB_WIDTH = 4;
const LIST_MARKER = /^(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)/;

/** Containers a line opens: its ">" quote markers and list markers, plus indented list levels. */
function lineDepth(line: string): number {
  let depth = 0;
  let position = 0;
  let indent = 0;
  for (;;) {
    const character = line[position];
    if (character === " " || character === "\t") {
      indent += character === "\t" ? TAB_WIDTH : 1;
      position += 1;
      continue;
    }
    if (character === ">") {
      depth += 1;
      position += 1;
      indent = 0;
      continue;
    }
    const marker = LIST_MARKER.exec(line.slice(position, position + 12));
    if (marker) {
      // An indented list item sits inside the items above it: about one level per two columns.
      depth += 1 + Math.floor(indent / 2);
      position += marker[0].length;
      indent = 0;
      continue;
    }
    return depth;
  }
}

/** The deepest container nesting of any line of the text (an upper bound of what the parser builds). */
export function markdownNestingDepth(text: string): number {
  let deepest = 0;
  for (const line of text.split(/\r\n|\r|\n/)) deepest = Math.max(deepest, lineDepth(line));
  return deepest;
}

/** Whether the text nests no deeper than MAX_MARKDOWN_DEPTH. */
export function isMarkdownDepthBounded(text: string): boolean {
  return markdownNestingDepth(text) <= MAX_MARKDOWN_DEPTH;
}
