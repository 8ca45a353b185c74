// Shell-style wildcard matching with Python fnmatch semantics: `*`, `?`, `[seq]`, `[!seq]`.

/** True when the whole name matches the pattern (case-sensitive, as on POSIX). */
export function fnmatch(name: string, pattern: string): boolean {
  return fnmatchRegExp(pattern).test(name);
}

const cache = new Map<string, RegExp>();

/** The pattern as an anchored regular expression (Python fnmatch.translate rules). */
export function fnmatchRegExp(pattern: string): RegExp {
  const cached = cache.get(pattern);
  if (cached) return cached;
  let source = "";
  let index = 0;
  while (index < pattern.length) {
    const char = pattern[index];
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
        source += "\\[";
      } else {
        let body = pattern.slice(index, end);
        index = end + 1;
        const negate = body.startsWith("!");
        if (negate) body = body.slice(1);
        const escaped = body.replace(/\\/g, "\\\\").replace(/\]/g, "\\]").replace(/\^/g, "\\^");
        source += negate ? `[^${escaped}]` : `[${escaped}]`;
      }
    } else {
      source += char.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
    }
  }
  const regExp = new RegExp(`^(?:${source})$`, "u");
  cache.set(pattern, regExp);
  return regExp;
}
