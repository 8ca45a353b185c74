// POSIX shell quoting and splitting with Python's shlex semantics.

const SAFE = /^[\w@%+=:,./-]+$/;

/** Python shlex.quote: single-quote unless every character is safe. */
export function shellQuote(word: string): string {
  if (word === "") return "''";
  if (SAFE.test(word)) return word;
  return "'" + word.replace(/'/g, "'\"'\"'") + "'";
}

export class ShlexError extends Error {}

/** Python shlex.split (POSIX mode, no comments): quotes group words and are removed. */
export function shellSplit(text: string): string[] {
  const words: string[] = [];
  let word = "";
  let inWord = false;
  let index = 0;
  while (index < text.length) {
    const char = text[index];
    if (char === "'") {
      const end = text.indexOf("'", index + 1);
      if (end < 0) throw new ShlexError("No closing quotation");
      word += text.slice(index + 1, end);
      inWord = true;
      index = end + 1;
    } else if (char === '"') {
      index += 1;
      for (;;) {
        if (index >= text.length) throw new ShlexError("No closing quotation");
        const inner = text[index];
        if (inner === '"') break;
        if (inner === "\\" && index + 1 < text.length && '"\\$`\n'.includes(text[index + 1])) {
          word += text[index + 1];
          index += 2;
        } else {
          word += inner;
          index += 1;
        }
      }
      inWord = true;
      index += 1;
    } else if (char === "\\") {
      if (index + 1 >= text.length) throw new ShlexError("No escaped character");
      word += text[index + 1];
      inWord = true;
      index += 2;
    } else if (/\s/.test(char)) {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
      index += 1;
    } else {
      word += char;
      inWord = true;
      index += 1;
    }
  }
  if (inWord) words.push(word);
  return words;
}
