import { describe, expect, it } from "vitest";
import { pyInt, pyStr, PyError, type PyValue } from "../py/index.js";
import { bindArgs } from "./args.js";
import { joinPath } from "./files.js";

describe("joinPath (os.path.join)", () => {
  it.each([
    [["a", "b"], "a/b"],
    [["a/", "b"], "a/b"],
    [["a", "/abs", "c"], "/abs/c"],
    [["", "x"], "x"],
    [["run", ".guild", "attrs", "flags"], "run/.guild/attrs/flags"],
  ])("%j -> %s", (parts, expected) => {
    expect(joinPath(parts)).toBe(expected);
  });
});

describe("bindArgs", () => {
  const params = [{ name: "cmd" }, { name: "timeout", default: pyInt(60) }];
  const call = (args: PyValue[], kwargs: Record<string, PyValue> = {}) => bindArgs("run", params, args, new Map(Object.entries(kwargs)));

  it("binds positional and keyword arguments with defaults", () => {
    expect(Object.fromEntries(call([pyStr("ls")]))).toEqual({ cmd: pyStr("ls"), timeout: pyInt(60) });
    expect(call([pyStr("ls")], { timeout: pyInt(1) }).get("timeout")).toEqual(pyInt(1));
  });

  it.each([
    { args: [], kwargs: {}, message: "run() missing 1 required positional argument: 'cmd'" },
    { args: [pyStr("a"), pyInt(1), pyInt(2)], kwargs: {}, message: "run() takes from 1 to 2 positional arguments but 3 were given" },
    { args: [pyStr("a")], kwargs: { nope: pyInt(1) }, message: "run() got an unexpected keyword argument 'nope'" },
    { args: [pyStr("a")], kwargs: { cmd: pyStr("b") }, message: "run() got multiple values for argument 'cmd'" },
  ])("raises TypeError: $message", ({ args, kwargs, message }) => {
    expect(() => call(args as PyValue[], kwargs as Record<string, PyValue>)).toThrow(new PyError("TypeError", message));
  });
});
