// Pure: a captured statement with its parameters written in as literals, for pgbench and EXPLAIN.

/** A parameter as PostgreSQL text, quoted: arrays as array literals, null as NULL. */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number" || typeof value === "bigint") return `'${String(value)}'`;
  if (Array.isArray(value)) return quote(`{${value.map(arrayElement).join(",")}}`);
  if (typeof value === "object") return quote(JSON.stringify(value));
  return quote(String(value));
}

function quote(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

function arrayElement(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (Array.isArray(value)) return `{${value.map(arrayElement).join(",")}}`;
  return `"${String(value).replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
}

/**
 * Replaces $1…$n by the literals of `values`, outside quoted strings, quoted identifiers and
 * comments. Literals stay untyped ('…'), so PostgreSQL infers each one's type from its context as
 * it does for an unnamed statement's parameters.
 */
export function inlineParameters(sql: string, values: readonly unknown[]): string {
  let out = "";
  let index = 0;
  while (index < sql.length) {
    const char = sql[index]!;
    if (char === "'" || char === '"') {
      const end = closingQuote(sql, index, char);
      out += sql.slice(index, end);
      index = end;
    } else if (char === "-" && sql[index + 1] === "-") {
      const end = sql.indexOf("\n", index);
      const stop = end === -1 ? sql.length : end;
      out += sql.slice(index, stop);
      index = stop;
    } else if (char === "$" && /[0-9]/.test(sql[index + 1] ?? "")) {
      const match = /^\$(\d+)/.exec(sql.slice(index))!;
      const position = Number(match[1]);
      if (position < 1 || position > values.length) throw new RangeError(`parameter $${position} has no value (${values.length} given)`);
      out += sqlLiteral(values[position - 1]);
      index += match[0].length;
    } else {
      out += char;
      index += 1;
    }
  }
  return out;
}

function closingQuote(sql: string, start: number, quoteChar: string): number {
  let index = start + 1;
  while (index < sql.length) {
    if (sql[index] === quoteChar) {
      if (sql[index + 1] === quoteChar) index += 2;
      else return index + 1;
    } else index += 1;
  }
  return sql.length;
}
