// The standard modules transcripts import, cross-checked against CPython running the same examples.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { runInCPython } from "../../py/cpython-oracle.js";
import { useTempDir } from "../../sandbox/temp-dir.test-support.js";
import { runWithModules } from "./modules.test-support.js";

const tempDir = useTempDir("modules-test");

/** Each case: examples run in order in one namespace, from a folder holding a.txt, b.txt and sub/c.json. */
const cases: string[][] = [
  ["import json", "json.dumps({'b': [1, 2.5, None, True], 'a': 'é\"\\n'})", "json.dumps({'b': 1, 'a': {}}, sort_keys=True, indent=2)",
    "json.dumps([1, [2, []], {}], indent=4)", "json.dumps({'x': 1}, separators=(',', ':'))", "json.dumps('é', ensure_ascii=False)",
    "json.loads('{\"a\": [1, 2.0, null, true, \"s\"]}')", "json.dumps(1e100), json.dumps(0.1), json.dumps(12345678901234567890)"],
  ["import json", "json.dumps(set())"],
  ["import json", "with open('sub/c.json') as f:\n    data = json.load(f)\n", "data"],
  ["import re", "m = re.search(r'(\\w+)=(\\d+)', 'x a=12 b=3')", "m.group(0), m.group(1), m.group(2), m.groups(), m.span()",
    "re.findall(r'\\d+', 'a1b22c333'), re.findall(r'(\\w)=(\\d)', 'a=1 b=2')", "re.sub(r'(\\d+)', r'<\\1>', 'a1b22'), re.sub('a', 'b', 'aaa', count=2)",
    "re.match('b', 'ab'), re.match('a', 'ab').group()", "re.split(r',\\s*', 'a, b,c')", "re.escape('a.b*c')",
    "re.search('A', 'xa', re.I).group()", "p = re.compile(r'\\d')", "p.findall('1a2')", "re.fullmatch('a+', 'aa').group(), re.fullmatch('a', 'ab')"],
  ["from re import search", "search('x', 'y')"],
  ["import shlex", "shlex.quote('a b'), shlex.quote(''), shlex.quote('safe-1.0'), shlex.split('a \"b c\" d')"],
  ["import hashlib", "hashlib.sha1(b'').hexdigest()", "h = hashlib.sha256()", "h.update(b'abc')", "h.hexdigest()", "hashlib.md5('x'.encode()).hexdigest()", "hashlib.sha1('x')"],
  ["import os", "os.path.join('a', 'b'), os.path.join('a', '/b'), os.path.basename('x/y.txt'), os.path.dirname('x/y.txt'), os.path.splitext('a/b.tar.gz'), os.path.splitext('.bashrc')",
    "os.path.exists('a.txt'), os.path.isdir('sub'), os.path.isfile('sub'), os.path.isabs('/x'), os.sep, os.path.sep, os.path.pathsep",
    "sorted(os.listdir('.'))", "os.path.relpath('sub/c.json')", "os.getenv('NOT_SET_ANYWHERE'), os.getenv('NOT_SET_ANYWHERE', 'd')"],
  ["import os.path", "os.path.join('x', 'y')"],
  ["from os import path", "path.exists('b.txt')"],
  ["import glob", "sorted(glob.glob('*.txt')), glob.glob('sub/*'), glob.glob('nothing*')"],
  ["import filecmp", "filecmp.cmpfiles('.', '.', ['a.txt', 'missing'])"],
  ["import yaml", "yaml.safe_load('a: 1\\nb: [yes, 1.5, ~, 2.0e+3]\\nc: {d: x}')", "print(yaml.dump({'b': [1, 2], 'a': 'x'}))", "yaml.safe_load(open('a.txt'))"],
  ["import pprint", "pprint.pprint({'b': 1, 'a': 2})"],
  ["import not_a_module"], ["from json import dumps as d", "d([])"],
  ["import sys", "sys.stdout.write('written\\n')"],
];

describe("modules behave like CPython's", () => {
  const pythonCases = cases.map((examples) => ["import os", `os.chdir(${JSON.stringify(fixtureDir())})`, ...examples]);
  // One python3 answers every case (each in a namespace of its own), on the first test's demand.
  let answers: string[] | null = null;
  test.each(cases.map((examples, index) => [examples.join(" ⏎ "), index] as const))("%s", async (_title, index) => {
    answers ??= runInCPython(pythonCases);
    const expected = answers[index]!;
    expect(await runOurs(cases[index]!)).toBe(expected);
  });
});

let fixture: string | null = null;
/** The folder the examples run in (made once, the same for CPython and for us). */
function fixtureDir(): string {
  if (fixture === null) {
    fixture = fs.mkdtempSync(path.join(process.env.TMPDIR ?? "/tmp", "modules-fixture-"));
    fs.writeFileSync(path.join(fixture, "a.txt"), "hello: world\n");
    fs.writeFileSync(path.join(fixture, "b.txt"), "b\n");
    fs.mkdirSync(path.join(fixture, "sub"));
    fs.writeFileSync(path.join(fixture, "sub", "c.json"), '{"z": 1, "a": [true, null]}');
  }
  return fixture;
}

function runOurs(examples: string[]): Promise<string> {
  return runWithModules(examples, { cwd: fixtureDir(), home: tempDir() });
}
