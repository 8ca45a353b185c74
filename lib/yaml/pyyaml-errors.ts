// YAML syntax errors in PyYAML's words (`while parsing a flow mapping ... in "FILE", line L, column C`) for the cases js-yaml reports differently.

/** Where js-yaml stopped: 0-based line and column, and the offset in the text. */
export interface JsYamlMark {
  line: number;
  column: number;
  position: number;
}

/** PyYAML's mark line: `  in "<name>", line L, column C` (1-based). */
function markLine(name: string, text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split("\n").length;
  const column = position - (before.lastIndexOf("\n") + 1) + 1;
  return `  in "${name}", line ${line}, column ${column}`;
}

interface Opener {
  char: string;
  position: number;
}

/**
 * The flow collections and quoted scalars still open at the end of the text, innermost last. Plain
 * scalars and comments are skipped the way YAML reads them: `#` after a space starts a comment.
 */
function openAtEnd(text: string): Opener[] {
  const open: Opener[] = [];
  let quote: Opener | null = null;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quote) {
      if (quote.char === "'" && char === "'" && text[index + 1] === "'") index++;
      else if (quote.char === '"' && char === "\\") index++;
      else if (char === quote.char) quote = null;
      continue;
    }
    const previous = index === 0 ? "\n" : text[index - 1];
    if (char === "#" && /\s/.test(previous)) {
      const newline = text.indexOf("\n", index);
      index = newline < 0 ? text.length : newline;
      continue;
    }
    const startsToken = /[\s[{,:-]/.test(previous) || (open.length > 0 && /[[{,]/.test(previous));
    if ((char === "'" || char === '"') && startsToken) quote = { char, position: index };
    else if (char === "[" || char === "{") open.push({ char, position: index });
    else if ((char === "]" || char === "}") && open.length) open.pop();
  }
  return quote ? [...open, quote] : open;
}

/** PyYAML's message for a js-yaml error, or null when there is no mapping for it (the caller keeps js-yaml's). */
export function pyyamlMessage(reason: string, mark: JsYamlMark | undefined, text: string, name: string): string | null {
  const end = text.length;
  if (reason === "unexpected end of the stream within a flow collection") {
    const opener = openAtEnd(text).filter((item) => item.char === "[" || item.char === "{").at(-1);
    if (!opener) return null;
    const [kind, closer] = opener.char === "{" ? ["mapping", "}"] : ["sequence", "]"];
    return [`while parsing a flow ${kind}`, markLine(name, text, opener.position), `expected ',' or '${closer}', but got '<stream end>'`, markLine(name, text, end)].join("\n");
  }
  if (/^unexpected end of the stream within a (single|double) quoted scalar$/.test(reason)) {
    const opener = openAtEnd(text).at(-1);
    if (!opener || (opener.char !== "'" && opener.char !== '"')) return null;
    return ["while scanning a quoted scalar", markLine(name, text, opener.position), "found unexpected end of stream", markLine(name, text, end)].join("\n");
  }
  if (!mark) return null;
  const alias = /^unidentified alias "(.*)"$/.exec(reason);
  if (alias) {
    const position = text.lastIndexOf(`*${alias[1]}`, mark.position);
    if (position < 0) return null;
    return [`found undefined alias '${alias[1]}'`, markLine(name, text, position)].join("\n");
  }
  if (reason === "tab characters must not be used in indentation") {
    return ["while scanning for the next token", "found character '\\t' that cannot start any token", markLine(name, text, mark.position)].join("\n");
  }
  return null;
}
