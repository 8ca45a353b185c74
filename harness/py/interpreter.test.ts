// The host-facing contract: globals, host functions, modules, results, tracebacks and isolation from JS objects.
import { describe, expect, test } from "vitest";
import {
  PyError, createInterpreter, fromJson, pyDict, pyFunction, pyInt, pyList, pyModule, pyNone, pyObject, pyRepr, pyStr,
  toJs, type ExecResult, type PyValue,
} from "./index.js";

function session(globals: Record<string, PyValue> = {}, modules: Record<string, PyValue> = {}) {
  let output = "";
  const interpreter = createInterpreter({ globals, modules, print: (text) => (output += text) });
  return {
    interpreter,
    async run(source: string): Promise<{ output: string; result: ExecResult }> {
      output = "";
      const result = await interpreter.execute(source);
      return { output, result };
    },
  };
}

describe("host functions", () => {
  test("a host function prints through print and returns None (no echo)", async () => {
    const calls: string[] = [];
    const py = session({
      run: pyFunction("run", (args) => {
        calls.push(args.map((arg) => pyRepr(arg)).join(","));
        return pyNone;
      }),
    });
    expect(await py.run('run("guild runs -s")')).toEqual({ output: "", result: { kind: "ok" } });
    expect(calls).toEqual(["'guild runs -s'"]);
  });

  test("async host functions are awaited and their values echo", async () => {
    const py = session({ run_capture: pyFunction("run_capture", async (args) => pyStr(`captured ${pyRepr(args[0]!)}`)) });
    await py.run('parent_dir = run_capture("guild select 3 --path")');
    expect((await py.run("parent_dir")).output).toBe("\"captured 'guild select 3 --path'\"\n");
  });

  test("host functions receive keyword arguments", async () => {
    let seen: [string, string][] = [];
    const py = session({ f: pyFunction("f", (_args, kwargs) => void (seen = [...kwargs].map(([key, value]) => [key, pyRepr(value)]))) });
    await py.run("f(1, cwd='x', **{'env': None})");
    expect(seen).toEqual([["cwd", "'x'"], ["env", "None"]]);
  });

  test("a PyError thrown by a host function becomes a Python traceback", async () => {
    const py = session({ fail: pyFunction("fail", () => { throw new PyError("ValueError", "bad spec"); }) });
    const { output, result } = await py.run("x = 1\nfail()");
    const expected = 'Traceback (most recent call last):\n  File "<stdin>", line 2, in <module>\nValueError: bad spec\n';
    expect(output).toBe(expected);
    expect(result.kind).toBe("error");
    if (result.kind === "error") {
      expect(result.traceback).toBe(expected);
      expect(result.exception.typeName).toBe("ValueError");
    }
  });

  test("a host PyError can be caught by except", async () => {
    const py = session({ fail: pyFunction("fail", () => { throw new PyError("FileNotFoundError", "no such file"); }) });
    expect((await py.run("try:\n    fail()\nexcept OSError as e:\n    print('caught', e)\n")).output).toBe("caught no such file\n");
  });

  test("any other JS exception from a host function propagates unchanged", async () => {
    const bug = new TypeError("harness bug");
    const py = session({ broken: pyFunction("broken", () => { throw bug; }) });
    await expect(py.interpreter.execute("try:\n    broken()\nexcept Exception:\n    pass\n")).rejects.toBe(bug);
  });
});

describe("objects and modules", () => {
  const operation = pyObject("OpDef", { steps: pyList([pyStr("step-1"), pyStr("step-2")]) });
  const guildfile = pyModule("guildfile", {
    for_dir: pyFunction("for_dir", () => pyObject("Guildfile", { models: pyDict([[pyStr("m1"), pyDict([[pyStr("steps-basic"), operation]])]]) })),
  });

  test.each([
    ["import guildfile\ngf = guildfile.for_dir('.')\ngf.models['m1']['steps-basic'].steps", "['step-1', 'step-2']\n"],
    ["from guildfile import for_dir\nfor_dir('.').models['m1']['steps-basic'].steps[-1]", "'step-2'\n"],
    ["import guildfile as g\ng", "<module 'guildfile'>\n"],
    ["import os", 'Traceback (most recent call last):\n  File "<stdin>", line 1, in <module>\nModuleNotFoundError: No module named \'os\'\n'],
    ["from guildfile import nope", "Traceback (most recent call last):\n  File \"<stdin>\", line 1, in <module>\nImportError: cannot import name 'nope' from 'guildfile' (unknown location)\n"],
    ["import guildfile\nguildfile.nope", "Traceback (most recent call last):\n  File \"<stdin>\", line 2, in <module>\nAttributeError: module 'guildfile' has no attribute 'nope'\n"],
  ])("%s", async (source, expected) => {
    const py = session({}, { guildfile });
    expect((await py.run(source)).output).toBe(expected);
  });

  // Only modules below `pkg` are registered: `import pkg.a.b` binds a package holding them; `import pkg` stays missing.
  const below = pyModule("pkg.a.b", { f: pyFunction("f", () => pyInt(1)) });
  test.each([
    ["import pkg.a.b\npkg.a.b.f()", "1\n"],
    ["import pkg.a.b\npkg, pkg.a", "(<module 'pkg'>, <module 'pkg.a'>)\n"],
    ["import pkg.a.b as m\nm.f()", "1\n"],
    ["from pkg.a.b import f\nf()", "1\n"],
    ["import pkg", "Traceback (most recent call last):\n  File \"<stdin>\", line 1, in <module>\nModuleNotFoundError: No module named 'pkg'\n"],
    ["import pkg.c", "Traceback (most recent call last):\n  File \"<stdin>\", line 1, in <module>\nModuleNotFoundError: No module named 'pkg'\n"],
  ])("%s", async (source, expected) => {
    const py = session({}, { "pkg.a.b": below });
    expect((await py.run(source)).output).toBe(expected);
  });

  test("host object attributes are readable and assignable", async () => {
    const py = session({ op: pyObject("OpDef", { name: pyStr("train") }) });
    expect((await py.run("op.name\nop.label = 'x'\nop.label\nop.missing")).output).toBe(
      "'train'\n'x'\nTraceback (most recent call last):\n  File \"<stdin>\", line 4, in <module>\nAttributeError: 'OpDef' object has no attribute 'missing'\n");
  });

  test.each(["__proto__", "constructor", "toString", "hasOwnProperty", "__class__", "valueOf"])(
    "JS internals such as %s are not reachable as attributes", async (name) => {
      const py = session({ op: pyObject("OpDef", {}) });
      for (const subject of ["op", "'s'", "[]", "{}", "(1)", "1.5", "None", "len", "str", "ValueError('x')", "range(2)", "{}.keys()"]) {
        const { result } = await py.run(`${subject}.${name}`);
        expect(result.kind, `${subject}.${name}`).toBe("error");
        if (result.kind === "error") expect(result.exception.typeName).toBe("AttributeError");
      }
    });

  test("JS internals are not reachable as names", async () => {
    const py = session();
    const { output } = await py.run("constructor");
    expect(output).toContain("NameError: name 'constructor' is not defined");
  });
});

describe("persistence and echo", () => {
  test("globals persist between executions and `_` holds the last echoed value", async () => {
    const py = session();
    await py.run("x = [1]");
    await py.run("x.append(2)");
    expect((await py.run("x")).output).toBe("[1, 2]\n");
    expect((await py.run("_")).output).toBe("[1, 2]\n");
    expect(py.interpreter.getGlobal("x")).toBeDefined();
  });

  test("expression statements inside functions do not echo", async () => {
    const py = session();
    expect((await py.run("def f():\n    42\n    return 1\n")).output).toBe("");
    expect((await py.run("f()")).output).toBe("1\n");
  });
});

describe("limits", () => {
  test("runaway recursion raises RecursionError instead of overflowing the JS stack", async () => {
    const { output } = await session().run("def f(n):\n    return f(n + 1)\n\nf(0)");
    expect(output).toBe('Traceback (most recent call last):\n  File "<stdin>", line 4, in <module>\nRecursionError: maximum recursion depth exceeded\n');
  });
});

describe("syntax errors", () => {
  test.each([
    ["x = 1 +", 0],
    ["for x in y\n    pass", 0],
    ["for x in [1]:\n    x +\n", 1],
    ["x = (1,\n 2,\n", 0],
    ["'abc", 0],
    ["if x:\n", 0],
    ["if x:\nprint(1)\n", 1],
    ["x = 1\n  y = 2", 1],
  ] as const)("%j is a syntax error at line offset %i", async (source, lineOffset) => {
    const { output, result } = await session().run(source);
    expect(output).toBe("");
    expect(result).toMatchObject({ kind: "syntax-error", lineOffset });
  });
});

describe("fromJson / toJs", () => {
  test.each([
    [{ b: 1, a: [true, null, 1.5, "s"] }, "{'b': 1, 'a': [True, None, 1.5, 's']}"],
    [[], "[]"],
    [3, "3"],
    [3.25, "3.25"],
    [{ "__proto__": 1 }, "{}"],
  ])("fromJson(%j) is %s", (value, expected) => {
    expect(pyRepr(fromJson(value))).toBe(expected);
  });

  test("toJs reverses fromJson and keeps a __proto__ key as data", () => {
    const data = JSON.parse('{"__proto__": {"x": 1}, "list": [1, 2.5, "a", null, false]}') as unknown;
    const roundTrip = toJs(fromJson(data)) as Record<string, unknown>;
    expect(Object.keys(roundTrip)).toEqual(["__proto__", "list"]);
    expect(roundTrip["list"]).toEqual([1, 2.5, "a", null, false]);
    expect(Object.getPrototypeOf(roundTrip)).toBe(Object.prototype);
    expect(toJs(pyInt(2n ** 70n))).toBe(2n ** 70n);
  });
});
