// Python's shlex.quote and shlex.split (POSIX mode, no comments): the quoting Guild prints and the splitting it reads.

const UNSAFE = /[^\w@%+=:,./-]/;

/** shlex.quote: the word as is when every character is safe, else single-quoted. */
export function shellQuote(word: string): string {
  if (word === "") return "''";
  if (!UNSAFE.test(word)) return word;
  return "'" + word.replace(/'/g, "'\"'\"'") + "'";
}

/** shlex's ValueError: "No closing quotation" or "No escaped character". */
export class ShlexError extends Error {}

const WHITESPACE = " \t\r\n";
const QUOTES = "'\"";
const ESCAPE = "\\";
const ESCAPED_QUOTES = '"';

/**
 * shlex.split(text): shlex's POSIX state machine with whitespace_split. Whitespace is only space, tab, CR
 * and LF; inside double quotes a backslash escapes only `"` and `\` and is kept before anything else.
 */
export function shellSplit(text: string): string[] {
  const words: string[] = [];
  let state = " ";
  let escapedState = " ";
  let word = "";
  let quoted = false;
  const finishWord = () => {
    if (word !== "" || quoted) words.push(word);
    word = "";
    quoted = false;
  };
  for (const char of text) {
    if (state === " " || state === "a") {
      if (WHITESPACE.includes(char)) {
        state = " ";
        finishWord();
      } else if (char === ESCAPE) {
        escapedState = "a";
        state = char;
      } else if (QUOTES.includes(char)) {
        state = char;
      } else {
        word += char;
        state = "a";
      }
    } else if (QUOTES.includes(state)) {
      quoted = true;
      if (char === state) state = "a";
      else if (char === ESCAPE && ESCAPED_QUOTES.includes(state)) {
        escapedState = state;
        state = char;
      } else word += char;
    } else {
      if (QUOTES.includes(escapedState) && char !== state && char !== escapedState) word += state;
      word += char;
      state = escapedState;
    }
  }
  if (QUOTES.includes(state)) throw new ShlexError("No closing quotation");
  if (state === ESCAPE) throw new ShlexError("No escaped character");
  finishWord();
  return words;
}
