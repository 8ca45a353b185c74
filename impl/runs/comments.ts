// Run comments: the `comments` attr's entries, adding and deleting them, and the listing `guild comment -l` and `guild runs -c` print.
import { formatTable } from "../format/table.js";
import { formatRunRow, formatTimestamp } from "./format.js";
import type { Run } from "./run.js";

/** One entry of the `comments` attr, as Guild writes it. */
export interface RunComment {
  body: string;
  host: string;
  time: number;
  user: string;
}

/** The run's comments (entries that are not mappings are kept as they are). */
export function runComments(run: Run): unknown[] {
  const comments = run.get("comments");
  return Array.isArray(comments) ? comments : [];
}

/** A new comment; `userArg` may be `USER@HOST` (runs_impl._add_run_comment). */
export function newComment(body: string, userArg: string | null, who: { user: string; host: string }, time: number): RunComment {
  if (!userArg) return { body, host: who.host, time, user: who.user };
  const at = userArg.indexOf("@");
  if (at < 0) return { body, host: who.host, time, user: userArg };
  return { body, host: userArg.slice(at + 1), time, user: userArg.slice(0, at) };
}

/** The comments with the one at 1-based `index` removed; an index past the end removes nothing (Python's del on a list). */
export function deleteComment(comments: unknown[], index: number): unknown[] {
  const position = index > 0 ? index - 1 : comments.length + index - 1;
  if (position < 0 || position >= comments.length) return comments;
  return comments.filter((_comment, at) => at !== position);
}

const field = (comment: unknown, name: string): unknown => (comment && typeof comment === "object" ? (comment as Record<string, unknown>)[name] : undefined);

function commentUser(comment: unknown): string {
  const user = String(field(comment, "user") || "");
  const host = String(field(comment, "host") || "");
  return host ? `${user}@${host}` : user;
}

function commentTime(comment: unknown): string {
  const time = field(comment, "time");
  return typeof time === "number" ? formatTimestamp(time) : String(time ?? "None");
}

/**
 * The lines of a comment listing: each run's table row, then its comments. `indexed` is `guild comment
 * --list` (short ids, `[N]` before each comment, `<no comments>`); otherwise `guild runs --comments`.
 */
export function commentListing(runs: Run[], indexed: boolean, projectDir: string, home: string | undefined): string[] {
  const rows = runs.map((run, position) => {
    const formatted = formatRunRow(run, position + 1, projectDir, home);
    return [indexed ? run.shortId : formatted.index, formatted.opDesc, formatted.started, formatted.statusWithRemote, formatted.label];
  });
  const table = formatTable(rows);
  const lines: string[] = [];
  runs.forEach((run, position) => {
    lines.push(table[position]);
    const comments = runComments(run);
    if (comments.length === 0 && indexed) lines.push("  <no comments>");
    comments.forEach((comment, index) => {
      lines.push(indexed ? `[${index + 1}] ${commentUser(comment)} ${commentTime(comment)}` : `  ${commentUser(comment)} ${commentTime(comment)}`, "");
      const indent = indexed ? "  " : "    ";
      for (const line of String(field(comment, "body") || "").split("\n")) lines.push(line ? indent + line : "");
      lines.push("");
    });
  });
  return lines;
}
