/**
 * Links inside running text are underlined, not told apart by colour alone (WCAG 1.4.1; axe
 * "link-in-text-block"). Put on a page's root element; navigation bars keep their own style.
 */
export const UNDERLINED_LINKS = "[&_:is(p,li,dd,td,blockquote,figcaption)_a]:underline";
