// Guild's coercion rules for Guild file attributes (flags, sourcecode, output-scalars, tags).
import { pyRepr, pyStr } from "../python/repr.js";
import { PyFloat, isMapping, type PyValue } from "../python/values.js";
import type { FlagChoice, FlagDef, RawData, SourceCodeRule, SourceCodeSpec } from "./types.js";

/**
 * A Guild file that cannot be used; `message` is Guild's text: `error in <path>: <detail>`, or the
 * bare detail for errors Guild raises outside its file checks (such as a `main` shlex cannot split).
 */
export class GuildfileError extends Error {
  constructor(
    readonly path: string,
    readonly detail: string,
    options: { bare?: boolean } = {},
  ) {
    super(options.bare ? detail : `error in ${path}: ${detail}`);
  }
}

export function coerceFlagsData(data: PyValue, path: string): RawData {
  if (!isMapping(data)) throw new GuildfileError(path, `invalid flags value ${pyRepr(data)}: expected a mapping`);
  const coerced: RawData = {};
  for (const [name, value] of Object.entries(data)) {
    if (name === "$include") coerced[name] = pyStr(value);
    else if (isMapping(value)) coerced[name] = value;
    else if (value === null || typeof value !== "object" || value instanceof PyFloat || Array.isArray(value)) coerced[name] = { default: value };
    else throw new GuildfileError(path, `invalid value for ${name} flag ${pyRepr(value)}: expected a mapping of flag attributes or default flag value`);
  }
  return coerced;
}

const KNOWN_FLAG_ATTRS = new Set([
  "default", "description", "type", "required", "arg-name", "arg-encoding", "arg-skip", "arg-switch", "arg-split",
  "choices", "allow-other", "env-name", "env-encoding", "null-label", "min", "max", "distribution",
]);

function flagChoices(data: PyValue): FlagChoice[] {
  if (!Array.isArray(data)) return [];
  return data.map((item) =>
    isMapping(item)
      ? { value: item.value ?? null, description: String(item.description ?? ""), alias: item.alias ?? null }
      : { value: item, description: "", alias: null },
  );
}

const stringOrNull = (value: PyValue | undefined) => (value === undefined || value === null ? null : String(value));
const mappingOrNull = (value: PyValue | undefined) => (isMapping(value) ? value : null);

export function flagDef(name: string, data: PyValue, path: string): FlagDef {
  if (!isMapping(data)) throw new GuildfileError(path, `invalid flag data ${pyRepr(data)}: expected a mapping`);
  const extra: RawData = {};
  for (const [key, value] of Object.entries(data)) if (!KNOWN_FLAG_ATTRS.has(key)) extra[key] = value;
  return {
    name,
    default: data.default ?? null,
    description: data.description ? String(data.description) : "",
    type: stringOrNull(data.type),
    required: Boolean(data.required),
    argName: stringOrNull(data["arg-name"]),
    argSkip: data["arg-skip"] === undefined || data["arg-skip"] === null ? null : Boolean(data["arg-skip"]),
    argSwitch: data["arg-switch"] ?? null,
    argSplit: data["arg-split"] ?? null,
    argEncoding: mappingOrNull(data["arg-encoding"]),
    envName: stringOrNull(data["env-name"]),
    envEncoding: mappingOrNull(data["env-encoding"]),
    choices: flagChoices(data.choices ?? null),
    allowOther: Boolean(data["allow-other"]),
    nullLabel: stringOrNull(data["null-label"]),
    min: data.min ?? null,
    max: data.max ?? null,
    distribution: data.distribution ?? null,
    extra,
  };
}

/** output-scalars: null → defaults, false → disabled ([]), a string or mapping → a list; anything else is an error. */
export function coerceOutputScalars(data: PyValue | undefined, path: string): PyValue[] | null {
  if (data === undefined || data === null) return null;
  if (data === false) return [];
  if (Array.isArray(data)) return data;
  if (typeof data === "string" || isMapping(data)) return [data];
  throw new GuildfileError(path, `invalid output-scalars ${pyRepr(data)}: expected a mapping, list, string, or false`);
}

export function coerceStringList(data: PyValue | undefined, path: string, name: string): string[] {
  if (data === undefined || data === null) return [];
  if (typeof data === "string") return [data];
  if (Array.isArray(data)) return data.map(String);
  throw new GuildfileError(path, `invalid ${name} value ${pyRepr(data)}: expected a string or list of strings`);
}

function selectRules(items: PyValue[], path: string): SourceCodeRule[] {
  return items.map((item) => {
    if (!isMapping(item)) throw new GuildfileError(path, `invalid file select spec ${pyRepr(item)}: expected a mapping`);
    if ("include" in item && "exclude" in item) {
      throw new GuildfileError(path, `invalid file select spec ${pyRepr(item)}: cannot include both include and exclude - use multiple select specs in the order you want to apply the filters`);
    }
    const type = "include" in item ? "include" : "exclude";
    const spec = item[type];
    let kind: SourceCodeRule["kind"] = null;
    let patterns: PyValue = spec ?? null;
    if (isMapping(spec)) {
      if ("dir" in spec) {
        kind = "dir";
        patterns = spec.dir ?? null;
      } else {
        patterns = spec.file ?? spec.text ?? null;
        kind = "file";
      }
    }
    const list = Array.isArray(patterns) ? patterns.map(String) : patterns === null ? [] : [String(patterns)];
    return { type, patterns: list, kind };
  });
}

/** `sourcecode`: absent → defaults, false/[] → disabled, string/list/mapping → extra select rules. */
export function sourceCodeSpec(data: PyValue | undefined, path: string): SourceCodeSpec {
  const spec: SourceCodeSpec = { disabled: false, root: null, dest: null, digest: true, rules: [] };
  if (data === undefined || data === null) return spec;
  if (data === false || (Array.isArray(data) && data.length === 0)) return { ...spec, disabled: true };
  if (typeof data === "string") return { ...spec, rules: selectRules([{ exclude: "*" }, { include: data }], path) };
  if (Array.isArray(data)) {
    const allStrings = data.every((item) => typeof item === "string");
    const items: PyValue[] = data.map((item) => (typeof item === "string" ? { include: item } : item));
    if (allStrings) items.unshift({ exclude: "*" });
    return { ...spec, rules: selectRules(items, path) };
  }
  if (isMapping(data)) {
    const select = data.select === undefined || data.select === null ? spec : sourceCodeSpec(data.select, path);
    return {
      disabled: select.disabled,
      root: stringOrNull(data.root),
      dest: stringOrNull(data.dest),
      digest: data.digest === false ? false : true,
      rules: select.rules,
    };
  }
  throw new GuildfileError(path, `invalid select files spec ${pyRepr(data)}: expected a string, list, or mapping`);
}
