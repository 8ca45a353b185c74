// Splits an f-string body into literal text and replacement fields ({expr!r:spec}).
import type { FStringPart } from "./ast.js";
import { parseExpression, type Nesting } from "./parse-expressions.js";
import { PySyntaxError, decodeEscapes } from "./tokenize.js";

/** CPython nests a replacement field in a format spec at most this deep: f'{x:{width}}'. */
const maxSpecNesting = 1;

/** Parses the undecoded body of an f-string written at 0-based `line`, `nesting` deep in an expression. */
export function parseFString(body: string, raw: boolean, line: number, nesting: Nesting, specNesting = 0): FStringPart[] {
  const parts: FStringPart[] = [];
  let literal = "";
  let index = 0;
  const flushLiteral = () => {
    if (literal !== "") parts.push(raw ? literal : decodeEscapes(literal, line));
    literal = "";
  };
  while (index < body.length) {
    const char = body[index]!;
    if (char === "{" && body[index + 1] === "{") {
      literal += "{";
      index += 2;
    } else if (char === "}" && body[index + 1] === "}") {
      literal += "}";
      index += 2;
    } else if (char === "}") {
      throw new PySyntaxError("f-string: single '}' is not allowed", line);
    } else if (char === "{") {
      flushLiteral();
      if (specNesting > maxSpecNesting) throw new PySyntaxError("f-string: expressions nested too deeply", line);
      index = parseField(body, index + 1, line, parts, nesting, specNesting);
    } else {
      literal += char;
      index++;
    }
  }
  flushLiteral();
  return parts;
}

/** Parses one field starting just after its `{`; returns the index after its closing `}`. */
function parseField(body: string, start: number, line: number, parts: FStringPart[], nesting: Nesting, specNesting: number): number {
  const expressionEnd = scanExpression(body, start, line);
  const source = body.slice(start, expressionEnd);
  if (source.trim() === "") throw new PySyntaxError("f-string: empty expression not allowed", line);
  const field: Exclude<FStringPart, string> = { expr: parseExpression(source, line, nesting) };
  let index = expressionEnd;
  if (body[index] === "!") {
    const conversion = body[index + 1];
    if (conversion !== "r" && conversion !== "s" && conversion !== "a") {
      throw new PySyntaxError("f-string: invalid conversion character: expected 's', 'r', or 'a'", line);
    }
    field.conversion = conversion;
    index += 2;
  }
  if (body[index] === ":") {
    const specStart = index + 1;
    let depth = 0;
    index = specStart;
    while (index < body.length && (depth > 0 || body[index] !== "}")) {
      if (body[index] === "{") depth++;
      else if (body[index] === "}") depth--;
      index++;
    }
    field.spec = parseFString(body.slice(specStart, index), true, line, nesting, specNesting + 1);
  }
  if (body[index] !== "}") throw new PySyntaxError("f-string: expecting '}'", line);
  parts.push(field);
  return index + 1;
}

/** Finds where a field's expression ends: a top-level `!` (not `!=`), `:` or `}`. */
function scanExpression(body: string, start: number, line: number): number {
  let depth = 0;
  let quote: string | undefined;
  for (let index = start; index < body.length; index++) {
    const char = body[index]!;
    if (quote) {
      if (char === "\\") index++;
      else if (char === quote) quote = undefined;
      continue;
    }
    if (char === "'" || char === '"') quote = char;
    else if (char === "(" || char === "[" || char === "{") depth++;
    else if (char === ")" || char === "]" || (char === "}" && depth > 0)) depth--;
    else if (depth === 0 && (char === "}" || char === ":" || (char === "!" && body[index + 1] !== "="))) return index;
  }
  throw new PySyntaxError("f-string: expecting '}'", line);
}
