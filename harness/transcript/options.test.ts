// Table-driven tests of option parsing, effective options and skipping.
import { describe, expect, it } from "vitest";
import { bashCommandOf } from "./bash-command.js";
import { effectiveOptions, parseOptionText, skipReason } from "./options.js";
import { parseTranscript } from "./parse.js";

describe("parseOptionText", () => {
  it.each([
    { text: "+ELLIPSIS", options: { ELLIPSIS: true } },
    { text: "+A_NOPE", error: "t.md:3: invalid doctest option: '+A_NOPE'" },
    { text: "-WINDOWS, +REPORT_UDIFF", options: { WINDOWS: false, REPORT_UDIFF: true } },
    { text: "  -PY3 +PY36   +PY37 ", options: { PY3: false, PY36: true, PY37: true } },
    { text: "", options: {} },
  ])("$text", ({ text, options, error }) => {
    if (error) expect(() => parseOptionText(text, "t.md", 3)).toThrow(error);
    else expect(parseOptionText(text, "t.md", 3)).toEqual(options);
  });
});

describe("effectiveOptions", () => {
  const transcript = parseTranscript(
    "---\ndoctest: -NORMALIZE_WHITESPACE +STRICT\n---\n\n>>> a  # doctest: +NORMALIZE_WHITESPACE -STRICT\n>>> b\n",
    "t.md",
  );
  it.each([
    { example: 0, on: ["ELLIPSIS", "NORMALIZE_WHITESPACE", "NORMALIZE_PATHS", "STRIP_ANSI_FMT", "STRIP_EXIT_0", "WINDOWS"], off: ["STRICT", "SKIP"] },
    { example: 1, on: ["ELLIPSIS", "STRICT", "WINDOWS"], off: ["NORMALIZE_WHITESPACE", "FIXME"] },
  ])("example $example: defaults < front matter < directive", ({ example, on, off }) => {
    const options = effectiveOptions(transcript, transcript.examples[example]);
    for (const name of on) expect(options[name], name).toBe(true);
    for (const name of off) expect(options[name], name).toBe(false);
  });
});

describe("skipReason", () => {
  it.each([
    { options: { WINDOWS: true }, platform: "win32", skips: false },
    { options: { WINDOWS: false }, platform: "win32", skips: true },
    { options: { WINDOWS: false }, platform: "linux", skips: false },
    { options: { WINDOWS_ONLY: true }, platform: "linux", skips: true },
    { options: { WINDOWS_ONLY: true }, platform: "win32", skips: false },
    { options: { MACOS: false }, platform: "darwin", skips: true },
    { options: { MACOS: false }, platform: "linux", skips: false },
    { options: { FIXME: true }, platform: "linux", skips: true },
    { options: { FIXME: false }, platform: "linux", skips: false },
    { options: { SKIP: true }, platform: "linux", skips: true },
    { options: { PY3: false }, platform: "linux", skips: false },
  ])("$options on $platform", ({ options, platform, skips }) => {
    expect(skipReason(options, platform) !== null).toBe(skips);
  });
});

describe("bashCommandOf", () => {
  it.each([
    { source: "guild runs", options: {}, command: { kind: "run", command: "guild runs" } },
    { source: "guild run op \\\n  -y", options: {}, command: { kind: "run", command: "guild run op \\   -y" } },
    { source: "echo a\necho b", options: { KEEP_LF: true }, command: { kind: "run", command: "echo a\necho b" } },
    { source: "cd sub/dir", options: {}, command: { kind: "cd", path: "sub/dir" } },
    { source: "export A=1=2", options: {}, command: { kind: "export", name: "A", value: "1=2" } },
    { source: "unset A", options: {}, command: { kind: "unset", name: "A" } },
    { source: "use_project hello", options: {}, command: { kind: "use_project", name: "hello" } },
    { source: "use_project 'hello' ", options: {}, command: { kind: "use_project", name: "hello" } },
    { source: "use_project a b", options: {}, command: { kind: "use_project", name: "a b" } },
  ])("$source", ({ source, options, command }) => {
    expect(bashCommandOf(source, options)).toEqual(command);
  });
});
