// Python's fnmatch: shell-style patterns (`*`, `?`, `[seq]`, `[!seq]`) matched against a whole name, as fnmatch.translate reads them.

/** True when the whole name matches the pattern (case-sensitive, as fnmatch.fnmatch is on POSIX). */
export function fnmatch(name: string, pattern: string): boolean {
  return fnmatchRegExp(pattern).test(name);
}

const cache = new Map<string, RegExp>();

/** The pattern as an anchored regular expression matching what CPython's fnmatch.translate matches. */
export function fnmatchRegExp(pattern: string): RegExp {
  let regExp = cache.get(pattern);
  if (!regExp) {
    regExp = new RegExp(`^(?:${translate(Array.from(pattern))})$`, "u");
    cache.set(pattern, regExp);
  }
  return regExp;
}

function translate(pattern: string[]): string {
  let source = "";
  let index = 0;
  while (index < pattern.length) {
    const char = pattern[index]!;
    index += 1;
    if (char === "*") {
      source += "[\\s\\S]*";
      while (pattern[index] === "*") index += 1;
    } else if (char === "?") {
      source += "[\\s\\S]";
    } else if (char === "[") {
      let end = index;
      if (pattern[end] === "!") end += 1;
      if (pattern[end] === "]") end += 1;
      while (end < pattern.length && pattern[end] !== "]") end += 1;
      if (end >= pattern.length) {
        source += literal("[");
      } else {
        source += bracket(pattern, index, end);
        index = end + 1;
      }
    } else {
      source += literal(char);
    }
  }
  return source;
}

function literal(char: string): string {
  return /^[\p{L}\p{N}_]$/u.test(char) ? char : `\\u{${char.codePointAt(0)!.toString(16)}}`;
}

/** `[...]` between `start` and `end`: fnmatch.translate's class text, then read as Python's re reads a class. */
function bracket(pattern: string[], start: number, end: number): string {
  const text = classText(pattern, start, end);
  if (text === "") return "(?!)";
  if (text === "!") return "[\\s\\S]";
  let body = text;
  if (body[0] === "!") body = "^" + body.slice(1);
  else if (body[0] === "^" || body[0] === "[") body = "\\" + body;
  return classRegExp(Array.from(body));
}

/** fnmatch.translate's text for a bracket: ranges that run backwards removed; `\`, `-` and set operators escaped. */
function classText(pattern: string[], start: number, end: number): string {
  const stuff = pattern.slice(start, end);
  let text: string;
  if (!stuff.includes("-")) {
    text = stuff.map(escapeBackslash).join("");
  } else {
    const chunks: string[][] = [];
    let from = start;
    let at = pattern[start] === "!" ? start + 2 : start + 1;
    for (;;) {
      at = pattern.indexOf("-", at);
      if (at < 0 || at >= end) break;
      chunks.push(pattern.slice(from, at));
      from = at + 1;
      at = at + 3;
    }
    const last = pattern.slice(from, end);
    if (last.length > 0) chunks.push(last);
    else chunks[chunks.length - 1]!.push("-");
    for (let k = chunks.length - 1; k > 0; k--) {
      const before = chunks[k - 1]!;
      if (codePoint(before[before.length - 1]!) > codePoint(chunks[k]![0]!)) {
        chunks[k - 1] = [...before.slice(0, -1), ...chunks[k]!.slice(1)];
        chunks.splice(k, 1);
      }
    }
    text = chunks.map((chunk) => chunk.map((char) => (char === "-" ? "\\-" : escapeBackslash(char))).join("")).join("-");
  }
  return text.replace(/[&~|]/g, "\\$&");
}

function escapeBackslash(char: string): string {
  return char === "\\" ? "\\\\" : char;
}

function codePoint(char: string): number {
  return char.codePointAt(0)!;
}

/** A Python character class body (after `[`, up to its `]`) as a JavaScript class, every member spelt as a code point. */
function classRegExp(body: string[]): string {
  let index = 0;
  const negate = body[0] === "^";
  if (negate) index += 1;
  const members: string[] = [];
  const next = (): number => {
    const char = body[index++]!;
    return char === "\\" ? codePoint(body[index++]!) : codePoint(char);
  };
  while (index < body.length) {
    const low = next();
    if (body[index] === "-" && index + 1 < body.length) {
      index += 1;
      members.push(`${codePointEscape(low)}-${codePointEscape(next())}`);
    } else {
      members.push(codePointEscape(low));
    }
  }
  return `[${negate ? "^" : ""}${members.join("")}]`;
}

function codePointEscape(code: number): string {
  return `\\u{${code.toString(16)}}`;
}
