// The re module: search/match/fullmatch/findall/sub/split/escape/compile over lib/python/regex, with match objects.
import { PythonRegexError, compilePythonRegex } from "../../../lib/python/regex.js";
import { PyError, pyFunction, pyInt, pyList, pyModule, pyNone, pyObject, pyStr, pyTuple, pyDict, type PyValue } from "../../py/index.js";
import { expectNumber, expectStr } from "../convert.js";

const FLAGS: [string, string, number][] = [["IGNORECASE", "I", 2], ["MULTILINE", "M", 8], ["DOTALL", "S", 16], ["VERBOSE", "X", 64], ["ASCII", "A", 256]];
const INLINE: Record<number, string> = { 2: "i", 8: "m", 16: "s", 64: "x", 256: "a" };

export function reModule(): PyValue {
  const attrs: Record<string, PyValue> = {};
  for (const [long, short, value] of FLAGS) {
    attrs[long] = pyInt(value);
    attrs[short] = pyInt(value);
  }
  const withPattern = (name: string, action: (regex: Pattern, args: PyValue[]) => PyValue) =>
    pyFunction(name, (args, kwargs) => action(compile(args[0], kwargs.get("flags") ?? args[name === "sub" ? 4 : name === "split" ? 3 : 2]), args.slice(1)));
  return pyModule("re", {
    ...attrs,
    search: withPattern("search", (regex, args) => regex.search(text(args[0]))),
    match: withPattern("match", (regex, args) => regex.match(text(args[0]))),
    fullmatch: withPattern("fullmatch", (regex, args) => regex.fullmatch(text(args[0]))),
    findall: withPattern("findall", (regex, args) => regex.findall(text(args[0]))),
    sub: pyFunction("sub", (args, kwargs) => compile(args[0], kwargs.get("flags") ?? args[4]).sub(args[1], text(args[2]), kwargs.get("count") ?? args[3])),
    split: withPattern("split", (regex, args) => regex.split(text(args[0]))),
    compile: pyFunction("compile", (args, kwargs) => compile(args[0], kwargs.get("flags") ?? args[1]).object),
    escape: pyFunction("escape", (args) => pyStr(text(args[0]).replace(/[^A-Za-z0-9_]/gu, (char) => (char.codePointAt(0)! > 127 ? char : "\\" + char)))),
  });
}

function text(value: PyValue | undefined): string {
  return expectStr(value ?? pyNone, "expected string or bytes-like object, got");
}

interface Pattern {
  object: PyValue;
  search(subject: string): PyValue;
  match(subject: string): PyValue;
  fullmatch(subject: string): PyValue;
  findall(subject: string): PyValue;
  sub(replacement: PyValue | undefined, subject: string, count: PyValue | undefined): PyValue;
  split(subject: string): PyValue;
}

function compile(patternValue: PyValue | undefined, flagsValue: PyValue | undefined): Pattern {
  if (patternValue?.kind === "object" && patternValue.typeName === "re.Pattern") {
    const compiled = compiledPatterns.get(patternValue);
    if (compiled) return compiled;
  }
  const source = text(patternValue);
  const flags = flagsValue === undefined || flagsValue.kind === "none" ? 0 : expectNumber(flagsValue, "flags");
  const inline = Object.entries(INLINE).filter(([bit]) => flags & Number(bit)).map(([, letter]) => letter).join("");
  const pattern = inline ? `(?${inline})${source}` : source;
  const make = (extra: string) => {
    try {
      return compilePythonRegex(pattern, extra);
    } catch (error) {
      if (error instanceof PythonRegexError) throw new PyError("re.error", error.message);
      throw error;
    }
  };
  const sticky = make("y");
  const global = make("g");
  const exec = (regex: RegExp, subject: string, from: number) => {
    regex.lastIndex = from;
    return regex.exec(subject);
  };
  const result: Pattern = {
    object: pyObject("re.Pattern", { pattern: pyStr(source), __repr__: pyStr(`re.compile(${pyStrRepr(source)})`) }),
    search: (subject) => matchObject(exec(global, subject, 0), subject),
    match: (subject) => matchObject(exec(sticky, subject, 0), subject),
    fullmatch: (subject) => {
      const found = exec(make("y"), subject, 0);
      return found && found[0].length === subject.length ? matchObject(found, subject) : pyNone;
    },
    findall: (subject) => {
      const items: PyValue[] = [];
      for (const found of subject.matchAll(global)) {
        const groups = found.slice(1);
        if (groups.length === 0) items.push(pyStr(found[0]));
        else if (groups.length === 1) items.push(pyStr(groups[0] ?? ""));
        else items.push(pyTuple(groups.map((group) => pyStr(group ?? ""))));
      }
      return pyList(items);
    },
    sub: (replacement, subject, count) => {
      const limit = count === undefined || count.kind === "none" ? 0 : expectNumber(count, "count");
      let done = 0;
      const template = text(replacement);
      return pyStr(subject.replace(global, (...found: unknown[]) => {
        if (limit > 0 && done >= limit) return found[0] as string;
        done++;
        // The callback gets the match, its groups, the offset, the subject and (with named groups) an object.
        const withoutNamed = typeof found[found.length - 1] === "object" ? found.slice(0, -1) : found;
        const groups = withoutNamed.slice(0, -2) as (string | undefined)[];
        return expandTemplate(template, groups);
      }));
    },
    split: (subject) => pyList(subject.split(global).map((piece) => (piece === undefined ? pyNone : pyStr(piece)))),
  };
  const object = result.object as Extract<PyValue, { kind: "object" }>;
  for (const name of ["search", "match", "fullmatch", "findall", "split"] as const) {
    object.attrs.set(name, pyFunction(name, (args) => result[name](text(args[0]))));
  }
  object.attrs.set("sub", pyFunction("sub", (args) => result.sub(args[0], text(args[1]), args[2])));
  compiledPatterns.set(object, result);
  return result;
}

const compiledPatterns = new WeakMap<PyValue, Pattern>();

function pyStrRepr(source: string): string {
  return `'${source.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}

/** A replacement template: \1, \g<1>, \g<name> (by number only) and \n-style escapes. */
function expandTemplate(template: string, groups: (string | undefined)[]): string {
  return template.replace(/\\(?:g<(\d+)>|(\d{1,2})|([ntr\\]))/g, (_whole, named: string | undefined, numbered: string | undefined, escape: string | undefined) => {
    if (escape !== undefined) return { n: "\n", t: "\t", r: "\r", "\\": "\\" }[escape]!;
    const index = Number(named ?? numbered);
    if (index >= groups.length) throw new PyError("re.error", `invalid group reference ${index}`);
    return groups[index] ?? "";
  });
}

/** A re.Match for a JavaScript match (or None). */
function matchObject(found: RegExpExecArray | null, subject: string): PyValue {
  if (found === null) return pyNone;
  const start = [...subject.slice(0, found.index)].length;
  const end = start + [...found[0]].length;
  const groupValue = (index: PyValue | undefined): PyValue => {
    if (index === undefined) return pyStr(found[0]);
    if (index.kind === "str") {
      const named = found.groups?.[index.value];
      if (found.groups === undefined || !(index.value in found.groups)) throw new PyError("IndexError", "no such group");
      return named === undefined ? pyNone : pyStr(named);
    }
    const number = expectNumber(index, "group");
    if (number < 0 || number >= found.length) throw new PyError("IndexError", "no such group");
    const value = found[number];
    return value === undefined ? pyNone : pyStr(value);
  };
  return pyObject("re.Match", {
    group: pyFunction("group", (args) => (args.length <= 1 ? groupValue(args[0]) : pyTuple(args.map(groupValue)))),
    groups: pyFunction("groups", () => pyTuple(found.slice(1).map((value) => (value === undefined ? pyNone : pyStr(value))))),
    groupdict: pyFunction("groupdict", () => pyDict(Object.entries(found.groups ?? {}).map(([name, value]) => [pyStr(name), value === undefined ? pyNone : pyStr(value)] as const))),
    start: pyFunction("start", () => pyInt(start)),
    end: pyFunction("end", () => pyInt(end)),
    span: pyFunction("span", () => pyTuple([pyInt(start), pyInt(end)])),
    string: pyStr(subject),
    __repr__: pyStr(`<re.Match object; span=(${start}, ${end}), match=${pyStrRepr(found[0])}>`),
  });
}
