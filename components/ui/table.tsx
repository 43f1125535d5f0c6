import type { ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";

// One look and one set of accessibility rules for every data table: a caption is required (a
// screen reader announces it on entering the table), header cells always carry their scope, and
// rows are separated by a rule. Server components: nothing here needs the browser.

const join = (...classes: (string | false | undefined)[]) => classes.filter(Boolean).join(" ");

// Cell padding is set once by the table, so every cell of one table lines up.
const DENSITY = {
  normal: "text-sm [&_td]:py-2 [&_td]:pr-4 [&_th]:py-2 [&_th]:pr-4",
  compact: "text-xs [&_td]:py-1 [&_td]:pr-2 [&_th]:py-1 [&_th]:pr-2",
} as const;

type TTableProps = {
  /** What the table lists, read out on entering it; visually hidden unless `isCaptionShown`. */
  caption: ReactNode;
  isCaptionShown?: boolean;
  density?: keyof typeof DENSITY;
  /** False for a small table of figures that reads better narrow. */
  isFullWidth?: boolean;
  className?: string;
  children: ReactNode;
};

/** A data table with its caption. */
export function Table({ caption, isCaptionShown = false, density = "normal", isFullWidth = true, className, children }: TTableProps) {
  return (
    <table className={join(isFullWidth && "w-full", "border-collapse text-left", DENSITY[density], className)}>
      <caption className={isCaptionShown ? "mb-2 text-left font-semibold" : "sr-only"}>{caption}</caption>
      {children}
    </table>
  );
}

/** The header row: pass `ColumnHeader` cells. */
export function TableHead({ children }: { children: ReactNode }) {
  return (
    <thead>
      <tr className="border-b border-rule">{children}</tr>
    </thead>
  );
}

export function TableBody({ children }: { children: ReactNode }) {
  return <tbody>{children}</tbody>;
}

/** A body row, top-aligned so cells of several lines read from their first line. */
export function TableRow({ className, children }: { className?: string; children: ReactNode }) {
  return <tr className={join("border-b border-rule align-top", className)}>{children}</tr>;
}

type THeaderProps = Omit<ThHTMLAttributes<HTMLTableCellElement>, "scope">;

/** A column's header (scope="col"). */
export function ColumnHeader({ className, ...props }: THeaderProps) {
  return <th scope="col" className={join("font-semibold", className)} {...props} />;
}

/** A row's header: the cell naming what the row is about (scope="row"). */
export function RowHeader({ className, ...props }: THeaderProps) {
  return <th scope="row" className={join("text-left font-semibold", className)} {...props} />;
}

export function TableCell({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={className} {...props} />;
}
