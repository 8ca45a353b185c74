// Control characters of command output made visible, so a diff cannot move the cursor or recolour a terminal.

/** Every C0 control but tab and newline, DEL, and the C1 controls. */
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

const NAMED: Record<string, string> = { "\r": "\\r", "\x0b": "\\x0b", "\x0c": "\\x0c" };

/** `\r` and `\xNN` (as Python's repr writes them) in place of control characters; `escaped` says whether any were. */
export function escapeControls(text: string): { text: string; escaped: boolean } {
  let escaped = false;
  const result = text.replace(CONTROL, (char) => {
    escaped = true;
    return NAMED[char] ?? `\\x${char.charCodeAt(0).toString(16).padStart(2, "0")}`;
  });
  return { text: result, escaped };
}
