// Values that differ from run to run (ids, times, temp paths), found in output update mode writes.
import { ELLIPSIS_MARKER } from "./ellipsis.js";

/** A kind of value that changes from run to run, recognised by its shape. */
export type VolatileShape = { name: string; pattern: RegExp };

/**
 * Shapes update mode writes as `...` wherever they appear in a new line of expected output. Each
 * pattern is a plain scan (no nested repetition); `g` so every occurrence is found.
 */
export const VOLATILE_SHAPES: readonly VolatileShape[] = [
  // 2024-01-02 03:04:05, 2024-01-02T03:04:05.123456+00:00
  { name: "date and time", pattern: /\b\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?(?!\d)/g },
  // date(1) and Python's time.ctime(): Mon Nov 30 15:19:30 UTC 2026, Mon Nov  3 15:19:30 2026
  { name: "date and time, ctime", pattern: /\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]\d \d{2}:\d{2}:\d{2}(?: [A-Z]{2,5})? \d{4}\b/g },
  // Guild's run times: 0:00:01
  { name: "duration", pattern: /\b\d+:\d{2}:\d{2}(?:\.\d+)?(?!\d)/g },
  // Full run ids, and any other 32-digit hex id (uuid4().hex)
  { name: "run id", pattern: /\b[0-9a-f]{32}\b/g },
  // Guild's `started`/`stopped` attributes: microseconds since the epoch
  { name: "timestamp", pattern: /\b1\d{15}\b/g },
  // pid: 1234, pid=1234, PID 1234
  { name: "process id", pattern: /(?<=\bpid\b[:=]? ?)\d+\b/gi },
  // Python's tempfile names: tmpab12_x9z
  { name: "temp name", pattern: /\btmp[a-z0-9_]{8}\b/g },
];

/** A value that must also stand alone: not inside a longer word or number (short run ids). */
const WORD_CHAR = /[0-9A-Za-z_]/;

/**
 * The line with each volatile part replaced by `...`: every occurrence of a `known` value (the
 * sandbox's paths, this transcript's run ids and their 8-character short forms, the python
 * executable) and every match of VOLATILE_SHAPES. Overlapping or adjacent parts become one `...`,
 * and a part next to a `...` already there merges into it.
 */
export function redactVolatile(line: string, known: readonly string[]): string {
  const spans: Array<[number, number]> = [];
  for (const value of known) {
    if (value === "") continue;
    const standalone = isShortId(value);
    for (let at = line.indexOf(value); at >= 0; at = line.indexOf(value, at + 1)) {
      const end = at + value.length;
      if (standalone && (WORD_CHAR.test(line[at - 1] ?? "") || WORD_CHAR.test(line[end] ?? ""))) continue;
      spans.push([at, end]);
    }
  }
  for (const { pattern } of VOLATILE_SHAPES) {
    for (const match of line.matchAll(pattern)) spans.push([match.index, match.index + match[0].length]);
  }
  if (spans.length === 0) return line;
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  let out = "";
  let position = 0;
  for (const [start, end] of spans) {
    if (end <= position) continue;
    if (start > position || out === "") out += line.slice(position, start) + ELLIPSIS_MARKER;
    position = end;
  }
  out += line.slice(position);
  return collapseWildcards(out);
}

/** `......` reads as two wildcards in a row, which match what one does. */
function collapseWildcards(text: string): string {
  return text.replace(/(?:\.\.\.){2,}/g, ELLIPSIS_MARKER);
}

function isShortId(value: string): boolean {
  return /^[0-9a-f]{8}$/.test(value);
}
