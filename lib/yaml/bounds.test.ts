// loadYaml's bounds: alias bombs, self-reference and deep nesting fail with one YamlError, at once; ordinary aliases load.
import { describe, expect, test } from "vitest";
import { MAX_ALIAS_EXPANSION, MAX_DEPTH } from "./bounds.js";
import { loadYaml, YamlError } from "./yaml.js";

/** `levels` anchors, each a list of `width` aliases to the one before: width^levels expanded nodes. */
function aliasBomb(levels: number, width: number): string {
  const lines = [`a0: &a0 [${Array(width).fill("lol").join(", ")}]`];
  for (let level = 1; level <= levels; level++) lines.push(`a${level}: &a${level} [${Array(width).fill(`*a${level - 1}`).join(", ")}]`);
  return lines.join("\n") + "\n";
}

const failing: { name: string; text: string; expected: string }[] = [
  { name: "ten levels of ten aliases", text: aliasBomb(10, 10), expected: `aliases expand the document by more than ${MAX_ALIAS_EXPANSION} nodes` },
  { name: "seven levels of ten aliases", text: aliasBomb(7, 10), expected: `aliases expand the document by more than ${MAX_ALIAS_EXPANSION} nodes` },
  { name: "an anchor holding itself", text: "&a [*a]\n", expected: "recursive aliases are not supported" },
  { name: "a mapping holding itself", text: "&a {x: *a}\n", expected: "recursive aliases are not supported" },
  { name: "10,000 nested flow lists", text: "[".repeat(10_000) + "]".repeat(10_000), expected: `document nested more than ${MAX_DEPTH} levels deep` },
  { name: "10,000 nested block lists", text: "- ".repeat(10_000) + "x\n", expected: `document nested more than ${MAX_DEPTH} levels deep` },
  { name: "just past the depth bound", text: "[".repeat(MAX_DEPTH + 2) + "]".repeat(MAX_DEPTH + 2), expected: `document nested more than ${MAX_DEPTH} levels deep` },
];

const loading: { name: string; text: string; expected: unknown }[] = [
  { name: "four levels of ten aliases", text: aliasBomb(4, 10), expected: undefined },
  { name: "a merge key", text: "base: &b {x: 1}\nop: {<<: *b, y: 2}\n", expected: { base: { x: 1 }, op: { x: 1, y: 2 } } },
  { name: "an alias used twice", text: "a: &a [1]\nb: *a\nc: *a\n", expected: { a: [1], b: [1], c: [1] } },
  { name: "nesting at the depth bound", text: "[".repeat(MAX_DEPTH) + "]".repeat(MAX_DEPTH), expected: undefined },
];

describe("loadYaml refuses documents beyond its bounds", () => {
  test.each(failing)("$name", ({ text, expected }) => {
    expect(() => loadYaml(text)).toThrow(new YamlError(expected));
  });
});

describe("loadYaml loads documents within its bounds", () => {
  test.each(loading)("$name", ({ text, expected }) => {
    const value = loadYaml(text);
    if (expected !== undefined) expect(value).toEqual(expected);
    else expect(value).toBeTypeOf("object");
  });
});
