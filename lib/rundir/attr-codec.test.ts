// The attr decoder's short path checked against the full YAML loader, on listed and random texts.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadYaml } from "../yaml/yaml.js";
import { decodeAttrText } from "./attr-codec.js";

/** The decoded value, or the error message when decoding throws. */
function outcome(decode: (text: string) => unknown, text: string): unknown {
  try {
    return { value: decode(text) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

describe("decodeAttrText gives what loadYaml gives", () => {
  it.each([
    "epochs=4 lr=0.9\n",
    "0\n", "-1\n", "1_000\n", "0x1f\n", "017\n", "1:30\n", "1e2\n", "0.9\n", "-0.5\n", "1.\n",
    "yes\n", "No\n", "on\n", "true\n", "null\n", "Null\n", "y\n", "n\n", "=\n", "2024-01-02\n",
    "a  b\n", "a b \n", "a: 1\n", "epochs: 4\nlr: 0.9\n", "epochs: 4\nlr: 0.9", "a: b: c\n", "a: 1\na: 2\n",
    "yes: 1\n", "__proto__: 1\n", "a:\n", "- a\n- b\n", "{}\n", "[]\n", "'quoted'\n", "a # c\n", "a\n\n", "\n", "",
    "a/b-c.d+e\n", "a: 2024-01-01\n", "x: -3\ny: foo bar\n", "m:train\n", "1-2\n", "-1-\n",
  ])("%j", (text) => {
    expect({ text, ...(outcome(decodeAttrText, text) as object) }).toEqual({ text, ...(outcome(loadYaml, text) as object) });
  });

  it("for random texts over YAML's tricky characters", () => {
    const char = fc.constantFrom(..."aAyn01_.-+=:/# \n'\"{}[]~eE".split(""));
    fc.assert(
      fc.property(fc.array(char, { maxLength: 14 }).map((chars) => chars.join("")), (text) => {
        let expected: unknown;
        try {
          expected = loadYaml(text);
        } catch {
          return true;
        }
        expect({ text, value: decodeAttrText(text) }).toEqual({ text, value: expected });
      }),
      { numRuns: 20000 },
    );
  });

  it("for random flat mappings", () => {
    const word = fc.array(fc.constantFrom(..."aAyYnN01_.-+=e: ~".split("")), { maxLength: 6 }).map((chars) => chars.join(""));
    const line = fc.tuple(word, word).map(([key, value]) => `${key}: ${value}`);
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 4 }), fc.boolean(), (lines, newline) => {
        const text = lines.join("\n") + (newline ? "\n" : "");
        expect({ text, ...(outcome(decodeAttrText, text) as object) }).toEqual({ text, ...(outcome(loadYaml, text) as object) });
      }),
      { numRuns: 20000 },
    );
  });
});
