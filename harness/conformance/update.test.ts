// `--update` end to end: rewritten examples count as updated, the file passes next time, edits made meanwhile are kept.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runConformance } from "./runner.js";
import type { VerdictsReport } from "./json-report.js";
import { createTempDir } from "../sandbox/temp-dir.js";
import { testHost } from "../sandbox/test-host.js";

let dir = "";
let removeDir = async () => {};

beforeAll(async () => {
  ({ path: dir, remove: removeDir } = await createTempDir("update-test"));
});

afterAll(() => removeDir());

async function conformance(file: string, update: boolean): Promise<{ code: number; output: string; json: VerdictsReport }> {
  let output = "";
  const jsonFile = path.join(dir, "report.json");
  const code = await runConformance({ paths: [path.relative(dir, file)], implementations: [{ name: "reference" }], jsonFile, keepSandbox: false, update, jobs: 1, cwd: dir }, testHost(), {
    write: (text) => {
      output += text;
    },
  });
  return { code, output, json: JSON.parse(fs.readFileSync(jsonFile, "utf8")) as VerdictsReport };
}

describe("conformance --update", () => {
  it("counts rewritten examples as updated, and the rewritten file passes as written", async () => {
    const file = path.join(dir, "fill.md");
    const text = [
      "# Fill",
      "",
      '    >>> run("echo same")',
      "    same",
      "",
      '    >>> run("echo hello")',
      "    bye",
      "",
      "    >>> run(\"date -u '+started: %Y-%m-%d %H:%M:%S'; pwd\")",
      "",
      "    >>> run(\"printf 'a\\\\n>>> b\\\\n'\")",
      "    old",
      "",
    ].join("\n");
    fs.writeFileSync(file, text);
    const first = await conformance(file, true);
    expect({ code: first.code, last: first.output.trimEnd().split("\n").at(-1), verdicts: first.json.examples.map((example) => example.verdicts.reference) }).toEqual({
      code: 0,
      last: "1 passed, 0 failed, 3 updated",
      verdicts: ["passed", "updated", "updated", "updated"],
    });
    expect(fs.readFileSync(file, "utf8")).toBe(
      [
        "# Fill",
        "",
        '    >>> run("echo same")',
        "    same",
        "",
        '    >>> run("echo hello")',
        "    hello",
        "",
        "    >>> run(\"date -u '+started: %Y-%m-%d %H:%M:%S'; pwd\")",
        "    started: ...",
        "    .../work",
        "",
        "    >>> run(\"printf 'a\\\\n>>> b\\\\n'\")",
        "    a",
        "    ...>> b",
        "",
      ].join("\n"),
    );
    const second = await conformance(file, false);
    expect({ code: second.code, last: second.output.trimEnd().split("\n").at(-1) }).toEqual({ code: 0, last: "4 passed, 0 failed" });
  });

  it("updates only the example a PATH:LINE names, running the ones before it first", async () => {
    const file = path.join(dir, "one.md");
    const text = ['    >>> x = "made earlier"', "", '    >>> run("echo one")', "    old one", "", "    >>> x", "    old", "", '    >>> run("echo three")', "    old three", ""].join("\n");
    fs.writeFileSync(file, text);
    const { code, output, json } = await conformance(`${file}:7`, true);
    expect({ code, last: output.trimEnd().split("\n").at(-1), verdicts: json.examples.map((example) => `${example.line} ${example.verdicts.reference}`) }).toEqual({
      code: 0,
      last: "0 passed, 0 failed, 1 updated",
      verdicts: ["6 updated"],
    });
    expect(fs.readFileSync(file, "utf8")).toBe(text.replace("    >>> x\n    old\n", "    >>> x\n    'made earlier'\n"));
  });

  it("keeps an edit made while the transcript ran and says the update was not written", async () => {
    const file = path.join(dir, "edited.md");
    const text = ['    >>> run("echo new")', "    old", "", `    >>> write(${JSON.stringify(file)}, "A line added meanwhile.\\n", append=True)`, ""].join("\n");
    fs.writeFileSync(file, text);
    const { code, output } = await conformance(file, true);
    expect({ code, content: fs.readFileSync(file, "utf8") }).toEqual({ code: 1, content: text + "A line added meanwhile.\n" });
    expect(output).toContain("edited.md:1: output does not match the expected output");
    expect(output).toContain("not updated: the file changed since it was read (run the update again)");
    expect(output.trimEnd().split("\n").at(-1)).toBe("1 passed, 1 failed");
  });

  it("leaves an example failing when its output cannot be written under its options", async () => {
    const file = path.join(dir, "literal.md");
    const text = ['    >>> run("echo \'>>> x\'")  # doctest: -ELLIPSIS', "    old", ""].join("\n");
    fs.writeFileSync(file, text);
    const { code, output } = await conformance(file, true);
    expect({ code, content: fs.readFileSync(file, "utf8"), last: output.trimEnd().split("\n").at(-1) }).toEqual({ code: 1, content: text, last: "0 passed, 1 failed" });
    expect(output).toContain("not updated: what it printed cannot be written");
  });
});
