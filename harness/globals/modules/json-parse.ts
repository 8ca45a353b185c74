// json.loads: a JSON document read into our values, keeping 2.0 a float and big ints whole, as Python's json does.
import { PyError, pyBool, pyDict, pyFloat, pyInt, pyList, pyNone, pyStr, type PyValue } from "../../py/index.js";

/** Most nesting accepted before the document is refused (Python raises RecursionError near here). */
const MAX_DEPTH = 900;

export function parseJson(text: string): PyValue {
  let position = 0;
  const fail = (message: string): never => {
    const before = text.slice(0, position);
    const line = before.split("\n").length;
    const column = position - before.lastIndexOf("\n");
    throw new PyError("json.decoder.JSONDecodeError", `${message}: line ${line} column ${column} (char ${position})`);
  };
  const skipSpace = () => {
    while (position < text.length && " \t\n\r".includes(text[position]!)) position++;
  };
  const value = (depth: number): PyValue => {
    if (depth > MAX_DEPTH) throw new PyError("RecursionError", "maximum recursion depth exceeded while decoding a JSON document");
    skipSpace();
    const char = text[position];
    if (char === "{") return object(depth);
    if (char === "[") return array(depth);
    if (char === '"') return pyStr(string());
    for (const [word, result] of [["null", pyNone], ["true", pyBool(true)], ["false", pyBool(false)], ["NaN", pyFloat(NaN)], ["Infinity", pyFloat(Infinity)], ["-Infinity", pyFloat(-Infinity)]] as const) {
      if (text.startsWith(word, position)) {
        position += word.length;
        return result;
      }
    }
    const number = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/y;
    number.lastIndex = position;
    const found = number.exec(text);
    if (!found) return fail("Expecting value");
    position += found[0].length;
    return found[1] === undefined && found[2] === undefined ? pyInt(BigInt(found[0])) : pyFloat(Number(found[0]));
  };
  const string = (): string => {
    position++;
    let out = "";
    for (;;) {
      const char = text[position];
      if (char === undefined) return fail("Unterminated string starting at");
      position++;
      if (char === '"') return out;
      if (char !== "\\") {
        if (char < " ") return fail("Invalid control character at");
        out += char;
        continue;
      }
      const escape = text[position++];
      const simple: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
      if (escape !== undefined && simple[escape] !== undefined) out += simple[escape];
      else if (escape === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(position, position + 4))) {
        out += String.fromCharCode(parseInt(text.slice(position, position + 4), 16));
        position += 4;
      } else return fail("Invalid \\escape");
    }
  };
  const array = (depth: number): PyValue => {
    position++;
    const items: PyValue[] = [];
    skipSpace();
    if (text[position] === "]") {
      position++;
      return pyList(items);
    }
    for (;;) {
      items.push(value(depth + 1));
      skipSpace();
      if (text[position] === ",") position++;
      else if (text[position] === "]") {
        position++;
        return pyList(items);
      } else return fail("Expecting ',' delimiter");
    }
  };
  const object = (depth: number): PyValue => {
    position++;
    const entries: [PyValue, PyValue][] = [];
    skipSpace();
    if (text[position] === "}") {
      position++;
      return pyDict(entries);
    }
    for (;;) {
      skipSpace();
      if (text[position] !== '"') return fail("Expecting property name enclosed in double quotes");
      const key = string();
      skipSpace();
      if (text[position] !== ":") return fail("Expecting ':' delimiter");
      position++;
      entries.push([pyStr(key), value(depth + 1)]);
      skipSpace();
      if (text[position] === ",") position++;
      else if (text[position] === "}") {
        position++;
        return pyDict(entries);
      } else return fail("Expecting ',' delimiter");
    }
  };
  const result = value(0);
  skipSpace();
  if (position < text.length) fail("Extra data");
  return result;
}
