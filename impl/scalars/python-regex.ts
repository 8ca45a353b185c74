// Python `re` patterns as JavaScript RegExps: the syntax differences output-scalar patterns run into.

export class PythonRegexError extends Error {}

/** Compiles a Python pattern; throws PythonRegexError with Python's wording for common mistakes. */
export function compilePythonRegex(pattern: string, extraFlags = ""): RegExp {
  const problem = pythonSyntaxProblem(pattern);
  if (problem) throw new PythonRegexError(problem);
  const { source, flags } = translatePythonRegex(pattern);
  try {
    return new RegExp(source, uniqueFlags(flags + extraFlags));
  } catch (error) {
    throw new PythonRegexError((error as Error).message);
  }
}

function uniqueFlags(flags: string): string {
  return [...new Set(flags)].join("");
}

/** Rewrites Python-only syntax: `(?P<n>`, `(?P=n)`, `\Z`, `\A`, `(?#...)`, leading inline flags. */
export function translatePythonRegex(pattern: string): { source: string; flags: string } {
  let flags = "";
  let rest = pattern;
  for (;;) {
    const inline = /^\(\?([aiLmsux]+)\)/.exec(rest);
    if (!inline) break;
    for (const flag of inline[1]) {
      if (flag === "i" || flag === "m" || flag === "s") flags += flag;
      if (flag === "x") flags += "x";
    }
    rest = rest.slice(inline[0].length);
  }
  const verbose = flags.includes("x");
  flags = flags.replace(/x/g, "");
  let out = "";
  let inClass = false;
  let index = 0;
  while (index < rest.length) {
    const char = rest[index];
    if (char === "\\") {
      const next = rest[index + 1] ?? "";
      if (!inClass && next === "Z") out += "$(?![\\s\\S])";
      else if (!inClass && next === "A") out += "^";
      else out += char + next;
      index += 2;
      continue;
    }
    if (inClass) {
      if (char === "]") inClass = false;
      out += char;
      index += 1;
      continue;
    }
    if (char === "[") {
      inClass = true;
      out += char;
      index += 1;
      if (rest[index] === "^") out += rest[index++];
      if (rest[index] === "]") out += "\\" + rest[index++];
      continue;
    }
    if (rest.startsWith("(?P<", index)) {
      out += "(?<";
      index += 4;
      continue;
    }
    const backref = /^\(\?P=(\w+)\)/.exec(rest.slice(index));
    if (backref) {
      out += `\\k<${backref[1]}>`;
      index += backref[0].length;
      continue;
    }
    if (rest.startsWith("(?#", index)) {
      const end = rest.indexOf(")", index);
      index = end < 0 ? rest.length : end + 1;
      continue;
    }
    if (verbose && /\s/.test(char)) {
      index += 1;
      continue;
    }
    if (verbose && char === "#") {
      const end = rest.indexOf("\n", index);
      index = end < 0 ? rest.length : end + 1;
      continue;
    }
    out += char;
    index += 1;
  }
  return { source: out, flags };
}

/** Python's message for the common syntax errors (without compiling), or null. */
export function pythonSyntaxProblem(pattern: string): string | null {
  const openGroups: number[] = [];
  let index = 0;
  let canRepeat = false;
  let lastWasRepeat = false;
  while (index < pattern.length) {
    const char = pattern[index];
    if (char === "\\") {
      if (index + 1 >= pattern.length) return `bad escape (end of pattern) at position ${index}`;
      index += 2;
      canRepeat = true;
      lastWasRepeat = false;
      continue;
    }
    if (char === "[") {
      const start = index;
      index += 1;
      if (pattern[index] === "^") index += 1;
      if (pattern[index] === "]") index += 1;
      while (index < pattern.length && pattern[index] !== "]") index += pattern[index] === "\\" ? 2 : 1;
      if (index >= pattern.length) return `unterminated character set at position ${start}`;
      index += 1;
      canRepeat = true;
      lastWasRepeat = false;
      continue;
    }
    if (char === "(") {
      openGroups.push(index);
      index += pattern[index + 1] === "?" ? 2 : 1;
      canRepeat = false;
      lastWasRepeat = false;
      continue;
    }
    if (char === ")") {
      if (openGroups.length === 0) return `unbalanced parenthesis at position ${index}`;
      openGroups.pop();
      index += 1;
      canRepeat = true;
      lastWasRepeat = false;
      continue;
    }
    if (char === "|") {
      canRepeat = false;
      lastWasRepeat = false;
      index += 1;
      continue;
    }
    if (char === "*" || char === "+" || char === "?" || (char === "{" && /^\{\d*,?\d*\}/.test(pattern.slice(index)) && pattern[index + 1] !== "}")) {
      if (char === "?" && lastWasRepeat) {
        lastWasRepeat = false;
        index += 1;
        continue;
      }
      if (lastWasRepeat) return `multiple repeat at position ${index}`;
      if (!canRepeat) return `nothing to repeat at position ${index}`;
      lastWasRepeat = true;
      index += char === "{" ? pattern.indexOf("}", index) - index + 1 : 1;
      continue;
    }
    canRepeat = char !== "^" && char !== "$";
    lastWasRepeat = false;
    index += 1;
  }
  if (openGroups.length > 0) return `missing ), unterminated subpattern at position ${openGroups[openGroups.length - 1]}`;
  return null;
}
