// Dependency resources of an operation (`requires`): sources, their resolving names and flag names.
import { pyRepr } from "../../lib/python/repr.js";
import { isMapping } from "../../lib/python/values.js";
import { ShlexError, shellSplit } from "../../lib/python/shlex.js";

export interface SelectSpec {
  pattern: string;
  reduce: "min" | "max" | null;
}

/** A `rename` entry: the first entry whose pattern changes a file's base name renames it. */
export interface RenameSpec {
  pattern: string;
  repl: string;
}

export interface ResourceSource {
  /** `operation:prepare`, `file:data.csv`, ... */
  uri: string;
  name: string | null;
  flagName: string | null;
  select: SelectSpec[];
  targetPath: string | null;
  targetType: string | null;
  optional: boolean;
  warnIfEmpty: boolean;
  failIfEmpty: boolean;
  /** null when not given (a config source of the op's flags dest then defaults to true). */
  replaceExisting: boolean | null;
  alwaysResolve: boolean | null;
  rename: RenameSpec[];
  /** Keep the source's project-relative dir under the target. */
  preservePath: boolean;
  /** Unpack archives (zip, tar, gzip); the resource's `default-unpack` unless set. */
  unpack: boolean;
  sha256: string | null;
  /** Archive type, when the file name does not tell. */
  type: string | null;
  /** Values a `config` source sets in its config file (`a.b` keys nest). */
  params: unknown;
}

export interface ResourceDef {
  name: string | null;
  sources: ResourceSource[];
  targetPath: string | null;
  targetType: string | null;
}

/** A `requires` item that names a resource defined elsewhere (`resource: NAME` or a string). */
export interface ResourceReference {
  spec: string;
}

export class ResourceFormatError extends Error {}

const SOURCE_TYPES = ["config", "file", "module", "url", "operation"];
const SOURCE_ATTRS = new Set([
  "name", "sha256", "unpack", "type", "select", "select-min", "select-max", "warn-if-empty", "optional",
  "fail-if-empty", "rename", "help", "post-process", "target-path", "target-type", "replace-existing",
  "always-resolve", "path", "preserve-path", "params", "flag-name",
]);

/** A source's name in messages: name, else flag name, else uri. */
export function sourceResolvingName(source: ResourceSource): string {
  return source.name || source.flagName || source.uri;
}

/** A resource's name in messages: its name, else its sources' names joined by `,`. */
export function resourceResolvingName(resource: ResourceDef): string {
  return resource.name || resource.sources.map(sourceResolvingName).join(",") || "resource";
}

/** The part after the scheme: `operation:prepare` -> `prepare`. */
export function sourceUriPath(source: ResourceSource): string {
  const colon = source.uri.indexOf(":");
  return colon < 0 ? source.uri : source.uri.slice(colon + 1);
}

export function sourceScheme(source: ResourceSource): string {
  const colon = source.uri.indexOf(":");
  return colon < 0 ? "" : source.uri.slice(0, colon);
}

/** Flag names that may carry a run id for the resource (op_dep.resdef_flag_name_candidates). */
export function flagNameCandidates(resource: ResourceDef): string[] {
  const names: string[] = [];
  for (const source of resource.sources) {
    if (source.flagName) names.push(source.flagName);
    else if (source.name) names.push(source.name);
    else if (source.uri) names.push(source.uri, sourceUriPath(source));
  }
  return names;
}

function asList(value: unknown, description: string): string[] {
  if (value === null || value === undefined) return [];
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.map(String);
  throw new ResourceFormatError(`invalid ${description} val: ${String(value)}`);
}

function text(value: unknown): string | null {
  return value === null || value === undefined || value === "" ? null : String(value);
}

function truthy(value: unknown): boolean {
  return !(value === null || value === undefined || value === false || value === 0 || value === "");
}

function renameSpec(data: unknown): RenameSpec {
  if (typeof data === "string") {
    let parts: string[];
    try {
      parts = shellSplit(data);
    } catch (error) {
      if (!(error instanceof ShlexError)) throw error;
      throw new ResourceFormatError(error.message);
    }
    if (parts.length === 2) return { pattern: parts[0], repl: parts[1] };
    if (parts.length === 1) return { pattern: ".*", repl: parts[0] };
    throw new ResourceFormatError(`invalid rename spec ${pyRepr(data)}: expected 'PATTERN REPL' or 'NAME'`);
  }
  if (isMapping(data)) return { pattern: String(data.pattern ?? ""), repl: String(data.repl ?? "") };
  throw new ResourceFormatError(`invalid rename spec ${pyRepr(data as never)}: expected string or map`);
}

function renameSpecs(data: unknown): RenameSpec[] {
  if (data === null || data === undefined) return [];
  return (Array.isArray(data) ? data : [data]).map(renameSpec);
}

function sourceFromData(data: unknown, resourceName: string, warn: (message: string) => void, defaultUnpack = true): ResourceSource {
  if (typeof data === "string") return makeSource(`file:${data}`, {}, resourceName, warn, defaultUnpack);
  if (!isMapping(data)) throw new ResourceFormatError(`invalid source for resource '${resourceName}': ${pyRepr(data)}`);
  const types = SOURCE_TYPES.filter((type) => truthy(data[type]));
  if (types.length === 0) {
    throw new ResourceFormatError(`invalid source ${pyRepr(data)} in resource '${resourceName}': missing required attribute (one of ${SOURCE_TYPES.join(", ")})`);
  }
  if (types.length > 1) throw new ResourceFormatError(`invalid source ${pyRepr(data)} in resource '${resourceName}': conflicting attributes (${types.join(", ")})`);
  const type = types[0];
  const value = String(data[type]);
  const uri = type === "url" ? value : `${type}:${value}`;
  const attrs = Object.fromEntries(Object.entries(data).filter(([key]) => !SOURCE_TYPES.includes(key)));
  return makeSource(uri, attrs, resourceName, warn, defaultUnpack);
}

function makeSource(uri: string, attrs: Record<string, unknown>, resourceName: string, warn: (message: string) => void, defaultUnpack: boolean): ResourceSource {
  const source: ResourceSource = {
    uri,
    name: text(attrs.name),
    flagName: text(attrs["flag-name"]),
    select: [
      ...asList(attrs.select, "select").map((pattern) => ({ pattern, reduce: null })),
      ...asList(attrs["select-min"], "select-min").map((pattern) => ({ pattern, reduce: "min" as const })),
      ...asList(attrs["select-max"], "select-max").map((pattern) => ({ pattern, reduce: "max" as const })),
    ],
    targetPath: text(attrs["target-path"]) ?? text(attrs.path),
    targetType: text(attrs["target-type"]),
    optional: truthy(attrs.optional),
    warnIfEmpty: "warn-if-empty" in attrs ? truthy(attrs["warn-if-empty"]) : true,
    failIfEmpty: truthy(attrs["fail-if-empty"]),
    replaceExisting: "replace-existing" in attrs ? truthy(attrs["replace-existing"]) : null,
    alwaysResolve: "always-resolve" in attrs ? truthy(attrs["always-resolve"]) : null,
    rename: renameSpecs(attrs.rename),
    preservePath: truthy(attrs["preserve-path"]),
    unpack: attrs.unpack === undefined || attrs.unpack === null ? defaultUnpack : truthy(attrs.unpack),
    sha256: text(attrs.sha256),
    type: text(attrs.type),
    params: attrs.params ?? null,
  };
  for (const key of Object.keys(attrs).sort()) {
    if (!SOURCE_ATTRS.has(key)) warn(`unexpected source attribute '${key}' in resource ${pyRepr(sourceResolvingName(source))}`);
  }
  return source;
}

/** One `requires` item: a reference to a named resource, or an inline resource (a source mapping or `sources:`). */
export function resourceFromRequires(item: unknown, warn: (message: string) => void = () => {}, modelName = ""): ResourceDef | ResourceReference {
  if (typeof item === "string") return { spec: item };
  if (!isMapping(item)) throw new ResourceFormatError(`invalid dependency value ${pyRepr(item)}: expected a string or mapping`);
  if ("resource" in item) return { spec: String(item.resource) };
  const data: Record<string, unknown> = "sources" in item ? item : { sources: [item] };
  const name = text(data.name);
  const sourcesData = data.sources;
  if (!Array.isArray(sourcesData)) throw new ResourceFormatError(`invalid sources value for resource '${modelName}:${name ?? "<inline>"}': ${pyRepr(sourcesData)}`);
  const fullname = `${modelName}:${name ?? "<inline>"}`;
  const defaultUnpack = data["default-unpack"] === undefined ? true : truthy(data["default-unpack"]);
  const sources = sourcesData.map((source) => sourceFromData(source, fullname, warn, defaultUnpack));
  return { name, sources, targetPath: text(data["target-path"]) ?? text(data.path), targetType: text(data["target-type"]) };
}

/** Whether a `requires` item is an inline resource (rather than a reference to a named one). */
export function isResourceDef(value: ResourceDef | ResourceReference): value is ResourceDef {
  return "sources" in value;
}
