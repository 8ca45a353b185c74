// Writes an updated transcript in one step, and never over an edit made while it ran.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { UpdatePlan } from "./update.js";

/** Why update mode leaves a transcript as it is when it changed on disk while it ran. */
export const CHANGED_SINCE_READ = "not updated: the file changed since it was read (run the update again)";

/**
 * Replaces `file` with `text` when it still holds `textAsRead`: the new text goes to a temp file
 * beside it (same mode), which is then renamed over it, so a reader sees the old file or the new
 * one, never a part. Returns false, writing nothing, when the file changed (or went) since it was
 * read: the edit made meanwhile is kept and the update can be run again.
 */
export function writeTranscript(file: string, textAsRead: string, text: string): boolean {
  if (readOrNull(file) !== textAsRead) return false;
  const mode = fs.statSync(file).mode & 0o7777;
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    const fd = fs.openSync(temp, "wx", mode);
    try {
      fs.writeFileSync(fd, text);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    // Checked again right before the rename: an edit saved while the temp file was written wins.
    if (readOrNull(file) !== textAsRead) return false;
    fs.renameSync(temp, file);
    return true;
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/**
 * Writes a transcript's update plan, when it updates anything. When the file changed since it was
 * read, nothing is written and the plan comes back with its updates refused, saying why.
 */
export function writeUpdatePlan(file: string, textAsRead: string, plan: UpdatePlan): UpdatePlan {
  if (plan.updated.length === 0 || writeTranscript(file, textAsRead, plan.text)) return plan;
  const refused = [...plan.refused, ...plan.updated.map((example) => ({ example, reason: CHANGED_SINCE_READ }))];
  return { text: textAsRead, updated: [], refused: refused.sort((a, b) => a.example.index - b.example.index) };
}

function readOrNull(file: string): string | null {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return null;
  }
}
