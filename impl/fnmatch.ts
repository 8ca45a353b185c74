// Python's fnmatch: shell-style patterns (`*`, `?`, `[...]`, `[!...]`) matched against a whole name.

/** The anchored regular expression of an fnmatch pattern. */
export function fnmatchRegex(pattern: string): RegExp {
  let source = "^";
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index];
    if (char === "*") source += ".*";
    else if (char === "?") source += ".";
    else if (char === "[") {
      const end = pattern.indexOf("]", index + 1);
      if (end < 0) source += "\\[";
      else {
        let body = pattern.slice(index + 1, end).replace(/\\/g, "\\\\");
        if (body.startsWith("!")) body = "^" + body.slice(1);
        source += `[${body}]`;
        index = end;
      }
    } else source += char.replace(/[.+^${}()|\\/]/g, "\\$&");
  }
  return new RegExp(source + "$", "s");
}

export function fnmatch(name: string, pattern: string): boolean {
  return fnmatchRegex(pattern).test(name);
}
