// files_digest and _iter_keyvals give what Guild 0.8.2's own functions give, checked against them where Guild is installed.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { runInCPython } from "../../py/cpython-oracle.js";
import { useTempDir } from "../../sandbox/temp-dir.test-support.js";
import { runWithModules } from "./modules.test-support.js";

/** Guild 0.8.2's sources, where the real Guild is installed (see transcripts/real-guild.yml). */
const realGuildSources = "/root/.cache/real-guild-0.8.2/src";

const tempDir = useTempDir("guild-modules-test");

interface Case {
  /** Examples run in order in one namespace, in a folder made by `fixtureDir`. */
  examples: string[];
  /** What they print, as Guild 0.8.2's functions print it. */
  expected: string;
  /** Our harness only: with Guild's package installed, CPython would import what we refuse. */
  oursOnly?: boolean;
}

const digest = "from guild.file_util import files_digest";
const keyvals = "from guild.plugins.config_flags import _iter_keyvals";
const nested = "def nested(data):\n    for name, val in sorted(_iter_keyvals(data)):\n        print('%s: %s' % (name, val))\n";
const traceback = (line: number, last: string) => `Traceback (most recent call last):\n  File "<stdin>", line ${line}, in <module>\n${last}\n`;

const cases: Case[] = [
  { examples: [digest, "files_digest([], '.')", "files_digest([], 1)"], expected: "'d41d8cd98f00b204e9800998ecf8427e'\n'd41d8cd98f00b204e9800998ecf8427e'\n" },
  {
    examples: [digest, "files_digest(['a.txt'], '.')", "files_digest(['a.txt', 'sub/c.json'], '.')", "files_digest(('sub/c.json', 'a.txt'), '.')",
      "files_digest(['c.json'], 'sub')", "files_digest(iter(['a.txt']), root_dir='.')", "files_digest(paths=['empty', 'é.txt'], root_dir='.')"],
    expected: "'feb324cae8fa1ff7b94b26591a737f73'\n'b5b28e7dc15ef5f4ef7ac746394f21b3'\n'f67b4c40075cb0f6e5c88e8ffaa64aa8'\n'30f8ac5c60779b9939f827c1fcaf5dbe'\n'feb324cae8fa1ff7b94b26591a737f73'\n'e987563831de20b6cfe311130cddd177'\n",
  },
  {
    examples: [digest, "import hashlib, os", "files_digest(['big'], '.') == hashlib.md5(b'big\\0' + open('big', 'rb').read() + b'\\0').hexdigest()",
      "p = os.path.abspath('a.txt')", "files_digest([p], 'anywhere') == hashlib.md5(p.encode() + b'\\0hello: world\\n\\0').hexdigest()",
      "files_digest(['link'], '.') == hashlib.md5(b'link\\0hello: world\\n\\0').hexdigest()"],
    expected: "True\nTrue\nTrue\n",
  },
  {
    examples: [digest, "files_digest(['nope'], '.')", "files_digest(['sub'], '.')", "files_digest(None, '.')", "files_digest([1], '.')",
      "files_digest([b'x'], '.')", "files_digest(['x'], 1)", "files_digest(['x'], b'.')", "files_digest(['a\\0b'], '.')",
      "files_digest(['\\udcff'], '.')", "files_digest(['a.txt'])", "files_digest()", "files_digest([], '.', 1)"],
    expected: [
      "FileNotFoundError: [Errno 2] No such file or directory: './nope'", "IsADirectoryError: [Errno 21] Is a directory: './sub'",
      "TypeError: 'NoneType' object is not iterable", "AttributeError: 'int' object has no attribute 'replace'",
      "TypeError: a bytes-like object is required, not 'str'", "TypeError: expected str, bytes or os.PathLike object, not int",
      "TypeError: Can't mix strings and bytes in path components", "ValueError: embedded null byte",
      "UnicodeEncodeError: 'utf-8' codec can't encode character '\\udcff' in position 0: surrogates not allowed",
      "TypeError: files_digest() missing 1 required positional argument: 'root_dir'",
      "TypeError: files_digest() missing 2 required positional arguments: 'paths' and 'root_dir'",
      "TypeError: files_digest() takes 2 positional arguments but 3 were given",
    ].map((last) => traceback(1, last)).join(""),
  },
  { examples: ["import guild.file_util", "guild.file_util.files_digest([], '.')", "import guild.file_util as util", "util.files_digest([], '.')"], expected: "'d41d8cd98f00b204e9800998ecf8427e'\n'd41d8cd98f00b204e9800998ecf8427e'\n" },
  {
    examples: [keyvals, nested, "nested({})", "nested({'a': 123})", "nested({'a': 123, 'b': {'1': 456, '2': 789, '3': {'c': 876, 'd': 543}}})"],
    expected: "a: 123\na: 123\nb.1: 456\nb.2: 789\nb.3.c: 876\nb.3.d: 543\n",
  },
  {
    examples: [keyvals, "list(_iter_keyvals({'z': {'y': 1.5, 'x': None}, 'a': [1, {'b': 2}], 'e': {}, 'f': {'g': {}}}))", "dict(_iter_keyvals({'x': {'y': True}}))",
      "list(_iter_keyvals({2: 3, None: [1], (1, 2): {}}))", "list(_iter_keyvals([1])), list(_iter_keyvals(None)), list(_iter_keyvals('ab'))",
      "type(_iter_keyvals({})).__name__", "g = _iter_keyvals({'a': 1, 'b': 2})", "next(g)", "list(g)"],
    expected: "[('z.y', 1.5), ('z.x', None), ('a', [1, {'b': 2}])]\n{'x.y': True}\n[(2, 3), (None, [1])]\n([], [], [])\n'generator'\n('a', 1)\n[('b', 2)]\n",
  },
  {
    examples: [keyvals, "list(_iter_keyvals({1: {'a': 2}}))", "list(_iter_keyvals({'a': {1: 2}}))", "_iter_keyvals()",
      "d = 1", "for i in range(2000):\n    d = {'a': d}\n", "list(_iter_keyvals(d))"],
    expected: [
      "TypeError: sequence item 0: expected str instance, int found", "TypeError: sequence item 1: expected str instance, int found",
      "TypeError: _iter_keyvals() missing 1 required positional argument: 'data'", "RecursionError: maximum recursion depth exceeded while calling a Python object",
    ].map((last) => traceback(1, last)).join(""),
  },
  { examples: ["import guild"], expected: traceback(1, "ModuleNotFoundError: No module named 'guild'"), oursOnly: true },
  { examples: ["from guild import file_util"], expected: traceback(1, "ModuleNotFoundError: No module named 'guild'"), oursOnly: true },
  { examples: ["import guild.op_util"], expected: traceback(1, "ModuleNotFoundError: No module named 'guild'"), oursOnly: true },
  { examples: ["from guild.plugins.config_flags import apply_config_flags"], expected: traceback(1, "ImportError: cannot import name 'apply_config_flags' from 'guild.plugins.config_flags' (unknown location)"), oursOnly: true },
];

const title = (examples: string[]) => examples.join(" ⏎ ");

describe("Guild's files_digest and _iter_keyvals", () => {
  test.each(cases.map((testCase) => [title(testCase.examples), testCase] as const))("%s", async (_title, testCase) => {
    expect(await runOurs(testCase.examples)).toBe(testCase.expected);
  });
});

describe.skipIf(!fs.existsSync(realGuildSources))("the expected outputs are Guild 0.8.2's", () => {
  const checked = cases.filter((testCase) => !testCase.oursOnly);
  test("CPython running Guild's functions prints them", () => {
    const setup = ["import os, sys", `sys.path.insert(0, ${JSON.stringify(realGuildSources)})`, `os.chdir(${JSON.stringify(fixtureDir())})`];
    const actual = runInCPython(checked.map((testCase) => [...setup, ...testCase.examples]));
    expect(actual).toEqual(checked.map((testCase) => testCase.expected));
  });
});

let fixture: string | null = null;
/** The folder the examples run in (made once, the same for CPython and for us). */
function fixtureDir(): string {
  if (fixture === null) {
    fixture = path.join(tempDir(), "project");
    fs.mkdirSync(fixture);
    fs.writeFileSync(path.join(fixture, "a.txt"), "hello: world\n");
    fs.writeFileSync(path.join(fixture, "empty"), "");
    fs.writeFileSync(path.join(fixture, "é.txt"), "é\n");
    fs.writeFileSync(path.join(fixture, "big"), Buffer.alloc(1536 * 1024, "0123456789abcdef"));
    fs.symlinkSync("a.txt", path.join(fixture, "link"));
    fs.mkdirSync(path.join(fixture, "sub"));
    fs.writeFileSync(path.join(fixture, "sub", "c.json"), '{"z": 1, "a": [true, null]}');
  }
  return fixture;
}

function runOurs(examples: string[]): Promise<string> {
  return runWithModules(examples, { cwd: fixtureDir(), home: path.join(tempDir(), "home") });
}
