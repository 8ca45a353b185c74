// Arbitrary Guild files for property tests: Guild's vocabulary, YAML 1.1's tricky scalars, aliases, and plain noise.
import fc from "fast-check";

/** Plain scalars YAML 1.1 or JavaScript read as something else than the text (and a few Guild uses). */
const TRICKY_SCALARS = ["yes", "no", "on", "~", "null", "", "2020-01-01", "2001-12-14t21:59:43.10-05:00", "1e3", ".nan", "-.inf", "0x1f", "0o17", "017", "1_000", "12:30:45", "<<", "=", "__proto__", "constructor", "toString", "1e400", "-0", "99999999999999999999", "true", "[]", "{}", "'", "\"", "*", "&", "!", "%", "@", "`", "..", ".", "../../x", "/", "$x", "${x}", "-", "?"];
/** Keys Guild gives a meaning to, at some level of a Guild file. */
const GUILD_KEYS = ["model", "operations", "flags", "default", "exec", "main", "steps", "run", "sourcecode", "dest", "root", "select", "include", "exclude", "target-path", "choices", "type", "label", "requires", "output-scalars", "config", "extends", "$include", "description", "env", "flags-dest", "flags-import", "stoppable", "needed", "resources", "sources", "file", "operation", "name", "isolate-runs", "tags", "2020-01-01", "yes", "~", "<<", "__proto__", "op", "train", "m"];

/** Text that YAML reads as the scalar itself, for the tricky ones that are safe unquoted in flow context. */
const plainScalar = fc.oneof(
  fc.constantFrom(...TRICKY_SCALARS).map((text) => (/^[\w.~<=$/-]*$/.test(text) && text !== "" ? text : JSON.stringify(text))),
  fc.integer().map(String),
  fc.double().map((value) => String(value)),
  fc.string({ maxLength: 12 }).map((text) => JSON.stringify(text)),
);

/** A flow-style YAML value with Guild's keys, nested a few levels. */
const flowValue: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    plainScalar,
    fc.array(tie("value"), { maxLength: 4 }).map((items) => `[${items.join(", ")}]`),
    fc.array(fc.tuple(fc.oneof(fc.constantFrom(...GUILD_KEYS), plainScalar), tie("value")), { maxLength: 5 }).map((entries) => `{${entries.map(([key, value]) => `${key}: ${value}`).join(", ")}}`),
  ),
})).value;

/** A Guild file: one operation in Guild's shape with arbitrary parts, or any flow value, or noise. */
export const arbitraryGuildfile: fc.Arbitrary<string> = fc.oneof(
  fc.record({ name: fc.constantFrom("op", "train", "2020-01-01", "yes", "~", "a:b", "m:op"), exec: plainScalar, flags: flowValue, extra: flowValue }).map(
    ({ name, exec, flags, extra }) => `${JSON.stringify(name)}:\n  exec: ${exec}\n  flags: ${flags}\n  sourcecode: ${extra}\n`,
  ),
  fc.record({ model: plainScalar, ops: flowValue, extra: fc.constantFrom("extends", "resources", "sourcecode", "operations"), value: flowValue }).map(
    ({ model, ops, extra, value }) => `- model: ${model}\n  operations: ${ops}\n  ${extra}: ${value}\n`,
  ),
  flowValue.map((value) => `op: &anchor ${value}\nother: *anchor\n`),
  flowValue,
  fc.string({ maxLength: 200 }),
  fc.string({ unit: fc.constantFrom("-", " ", ":", "\n", "[", "]", "{", "}", "&a", "*a", "!!", "x", "'", "\"", "#", "|", ">", "?"), maxLength: 80 }),
);
