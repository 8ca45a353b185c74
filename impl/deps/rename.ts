// A resolved file's new name from a source's `rename` specs (op_dep._rename_source: re.sub with count=1).
import { compilePythonRegex, PythonRegexError } from "../../lib/python/regex.js";
import { strRepr } from "../../lib/python/repr.js";
import type { RenameSpec } from "./resource.js";

/** A rename that cannot be applied; the message is Guild's. */
export class RenameError extends Error {}

const ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", f: "\f", v: "\v", a: "\x07", b: "\b", "\\": "\\" };

/** Python's expansion of a re.sub replacement template for one match. */
export function expandTemplate(repl: string, match: RegExpExecArray): string {
  let out = "";
  for (let index = 0; index < repl.length; index++) {
    const char = repl[index];
    if (char !== "\\") {
      out += char;
      continue;
    }
    const next = repl[index + 1];
    if (next === undefined) throw new Error("bad escape (end of pattern)");
    if (next === "g") {
      const end = repl.indexOf(">", index);
      if (repl[index + 2] !== "<" || end < 0) throw new Error("missing group name");
      const name = repl.slice(index + 3, end);
      const group = /^\d+$/.test(name) ? match[Number(name)] : match.groups?.[name];
      if (group === undefined && !(/^\d+$/.test(name) && Number(name) < match.length) && !(match.groups && name in match.groups)) {
        throw new Error(`unknown group name '${name}'`);
      }
      out += group ?? "";
      index = end;
    } else if (/\d/.test(next)) {
      const digits = /^\d{1,2}/.exec(repl.slice(index + 1))![0];
      const number = Number(digits);
      if (number >= match.length) throw new Error(`invalid group reference ${number}`);
      out += match[number] ?? "";
      index += digits.length;
    } else if (next in ESCAPES) {
      out += ESCAPES[next];
      index += 1;
    } else if (/[A-Za-z]/.test(next)) {
      throw new Error(`bad escape \\${next}`);
    } else {
      out += "\\" + next;
      index += 1;
    }
  }
  return out;
}

/** The first rename that changes `name` wins; refs like `${flag}` in specs are resolved first. */
export function renameSourceFile(name: string, specs: RenameSpec[], resolveRefs: (text: string) => string): string {
  for (const spec of specs) {
    let pattern: string;
    let repl: string;
    try {
      pattern = resolveRefs(spec.pattern);
      repl = resolveRefs(spec.repl);
    } catch (error) {
      throw new RenameError(`error renaming source ${name} (${strRepr(spec.pattern)} -> ${strRepr(spec.repl)}): resolution error: ${(error as Error).message}`);
    }
    let renamed: string;
    try {
      const regex = compilePythonRegex(pattern);
      const match = regex.exec(name);
      renamed = match ? name.slice(0, match.index) + expandTemplate(repl, match) + name.slice(match.index + match[0].length) : name;
    } catch (error) {
      const reason = error instanceof PythonRegexError ? error.message : (error as Error).message;
      throw new RenameError(`error renaming source ${name} (${strRepr(pattern)} -> ${strRepr(repl)}): ${reason}`);
    }
    if (renamed !== name) return renamed;
  }
  return name;
}
