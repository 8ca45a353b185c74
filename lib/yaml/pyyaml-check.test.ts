// PyYAML's verdicts: a table of texts with the error PyYAML 6 raises for a file named f.yml, and mutated Guild files checked against PyYAML itself.
import { execFileSync } from "node:child_process";
import { describe, expect, test } from "vitest";
import { pyyamlVerdict } from "./pyyaml-check.js";
import { loadYaml, YamlError } from "./yaml.js";

function message(text: string): string {
  try {
    loadYaml(text, "f.yml");
  } catch (error) {
    if (error instanceof YamlError) return error.message;
    throw error;
  }
  return "";
}

const at = (line: number, column: number) => `  in "f.yml", line ${line}, column ${column}`;

describe("loadYaml with a file name words syntax errors as PyYAML does", () => {
  const cases: [string, string][] = [
    ["- model: m\n  operations: {hello: {main: say}\n", `while parsing a flow mapping\n${at(2, 15)}\nexpected ',' or '}', but got '<stream end>'\n${at(3, 1)}`],
    ["op: [a, b", `while parsing a flow sequence\n${at(1, 5)}\nexpected ',' or ']', but got '<stream end>'\n${at(1, 10)}`],
    ["op: {a: 'it''s', b: \"x\\\"\" # c {\n", `while parsing a flow mapping\n${at(1, 5)}\nexpected ',' or '}', but got '<stream end>'\n${at(2, 1)}`],
    ["op: \"abc\n", `while scanning a quoted scalar\n${at(1, 5)}\nfound unexpected end of stream\n${at(2, 1)}`],
    ["op: *x\n", `found undefined alias 'x'\n${at(1, 5)}`],
    ["op:\n\tmain: x\n", `while scanning for the next token\nfound character '\\t' that cannot start any token\n${at(2, 1)}`],
    ["train:\n  flags:\n    lr: 0.1\n   epochs: 2\n", `while parsing a block mapping\n${at(2, 3)}\nexpected <block end>, but found '<block mapping start>'\n${at(4, 4)}`],
    ["train:\n  description: foo: bar\n", `mapping values are not allowed here\n${at(2, 19)}`],
    ["train:\n  main: !foo bar\n", `could not determine a constructor for the tag '!foo'\n${at(2, 9)}`],
    ["train:\n  main: x\n train2: y\n", `while parsing a block mapping\n${at(1, 1)}\nexpected <block end>, but found '<block mapping start>'\n${at(3, 2)}`],
    ["- a: 1\n   b: 2\n", `mapping values are not allowed here\n${at(2, 5)}`],
    ['train:\n  main: "x" y\n', `while parsing a block mapping\n${at(2, 3)}\nexpected <block end>, but found '<scalar>'\n${at(2, 13)}`],
    ["train:\n  flags:\n    - a\n    b: 1\n", `while parsing a block collection\n${at(3, 5)}\nexpected <block end>, but found '?'\n${at(4, 5)}`],
    ["train:\n  main: x\n  - y\n", `while parsing a block mapping\n${at(2, 3)}\nexpected <block end>, but found '-'\n${at(3, 3)}`],
    ["a: 1\n---\nb: 2\n", `expected a single document in the stream\n${at(1, 1)}\nbut found another document\n${at(2, 1)}`],
    ["a: &x 1\nb: &x 2\n", `found duplicate anchor 'x'; first occurrence\n${at(1, 4)}\nsecond occurrence\n${at(2, 4)}`],
  ];
  test.each(cases)("%j", (text, expected) => expect(message(text)).toBe(expected));

  test("a tab after a value is PyYAML's error although js-yaml reads it", () =>
    expect(message("op: x\t\n")).toBe(`while scanning for the next token\nfound character '\\t' that cannot start any token\n${at(1, 6)}`));
  test("valid text loads", () => expect(message("op:\n  main: x # c\n  flags: {a: [1, 2]}\n  d: |\n    text\n")).toBe(""));
  test("without a name, js-yaml's words", () => expect(() => loadYaml("op: [a, b")).toThrow("unexpected end of the stream within a flow collection"));
  test("directives are left to js-yaml", () => expect(pyyamlVerdict("%YAML 1.1\n---\na: 1\n", "f.yml")).toEqual({ unmodelled: "directive" }));
});

const hasPyYaml = (() => {
  try {
    execFileSync("python3", ["-c", "import yaml"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

const SEEDS = [
  "- model: m\n  description: A model\n  operations:\n    train:\n      main: train --epochs 2\n      flags:\n        lr: 0.1\n        epochs: [1, 2]\n        name: \"a b\"\n      requires:\n        - file: data.csv\n          target-path: data\n    test: {main: test, flags: {x: 1}}\n",
  "train:\n  description: |\n    Multi line\n    text here\n  main: train\n  flags:\n    x:\n      default: 1\n      choices: [1, 2, 3]\n    y: 'quoted ''here'''\n  output-scalars:\n    - loss: 'loss: (\\value)'\n",
  "base: &base\n  flags:\n    a: 1\nop:\n  <<: *base\n  main: op\n  tags: !!set {a, b}\n",
  "- config: shared\n  flags:\n    lr: 0.01\n- model: m\n  extends: shared\n  operations:\n    run:\n      steps:\n        - run: a\n          flags: [x=1]\n        - b\n",
  "op:\n  exec: ${python_exe} -um foo\n  env:\n    A: \"1\"\n  sourcecode:\n    - exclude: '*.csv'\n    - include: [\"a\", 'b']\n  # comment\n  compare: [loss, acc]\n",
  "---\na: 1\n...\n",
  "a: 'multi\n  line'\nb: \"x\\\n  y\"\n",
  "k: >-\n  folded\n  text\n\n  more\nz: |2\n    indented\n",
  "? complex\n: value\n- not\n",
  "[a, {b: c}, [d]]\n",
  "a: !foo x\nb: &a [1]\nc: *a\n",
];

// Mutations of small Guild files: characters deleted or inserted, lines indented, outdented or repeated.
function mutatedTexts(count: number): string[] {
  let state = 11;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const inserts = [" ", ":", "-", "\t", '"', "'", "[", "]", "{", "}", ",", "#", "!", "&", "*", "|", ">", "?", "\n", "x", "@", "  ", ": ", "- ", "\\", "...", "---"];
  const mutate = (text: string) => {
    const lines = text.split("\n");
    const at = Math.floor(random() * text.length);
    const line = Math.floor(random() * lines.length);
    switch (Math.floor(random() * 6)) {
      case 0:
        return text.slice(0, at) + text.slice(at + 1);
      case 1:
      case 2:
        return text.slice(0, at) + pick(inserts) + text.slice(at);
      case 3:
        lines[line] = " ".repeat(1 + Math.floor(random() * 3)) + lines[line];
        return lines.join("\n");
      case 4:
        lines[line] = lines[line].replace(/^ {1,3}/, "");
        return lines.join("\n");
      default:
        lines.splice(line, 0, pick(lines));
        return lines.join("\n");
    }
  };
  return Array.from({ length: count }, () => {
    let text = pick(SEEDS);
    for (let n = 1 + Math.floor(random() * 4); n > 0; n--) text = mutate(text);
    return text;
  });
}

test.skipIf(!hasPyYaml)("agrees with PyYAML on 3,000 mutated Guild files", () => {
  const texts = mutatedTexts(3000);
  const script = [
    "import io, json, sys, yaml",
    "class F(io.StringIO):",
    "    name = 'f.yml'",
    "out = []",
    "for text in json.load(sys.stdin):",
    "    try:",
    "        yaml.safe_load(F(text)); out.append(None)",
    "    except yaml.YAMLError as e:",
    "        out.append([type(e).__name__, str(e)])",
    "json.dump(out, sys.stdout)",
  ].join("\n");
  const answers = JSON.parse(execFileSync("python3", ["-c", script], { input: JSON.stringify(texts), encoding: "utf8" })) as ([string, string] | null)[];
  const differing: unknown[] = [];
  let errors = 0;
  texts.forEach((text, index) => {
    const verdict = pyyamlVerdict(text, "f.yml");
    const answer = answers[index];
    // Construction errors other than unknown tags (merge keys, !!set of a scalar) are js-yaml's to report.
    if ("unmodelled" in verdict || (answer && answer[0] === "ConstructorError" && !answer[1].startsWith("could not determine"))) return;
    const ours = "error" in verdict ? verdict.error : null;
    if (answer) errors++;
    if (ours !== (answer ? answer[1] : null)) differing.push({ text, pyyaml: answer?.[1] ?? null, ours });
  });
  expect(differing.slice(0, 3)).toEqual([]);
  expect(errors).toBeGreaterThan(1000);
});
