// The Guild file as typed definitions: models, operations, flags (raw data kept for steps and tools).
import type { PyValue } from "../python/values.js";

export type RawData = { [key: string]: PyValue };

export interface FlagChoice {
  value: PyValue;
  description: string;
  alias: PyValue | null;
}

export interface FlagDef {
  name: string;
  default: PyValue;
  description: string;
  type: string | null;
  required: boolean;
  argName: string | null;
  argSkip: boolean | null;
  argSwitch: PyValue;
  argSplit: PyValue;
  argEncoding: RawData | null;
  envName: string | null;
  envEncoding: RawData | null;
  choices: FlagChoice[];
  allowOther: boolean;
  nullLabel: string | null;
  min: PyValue;
  max: PyValue;
  distribution: PyValue;
  /** Attributes Guild does not know, kept as given (`flags-extra` in the op attr). */
  extra: RawData;
}

export interface OpDef {
  name: string;
  /** `model:op`, or `op` for the anonymous model. */
  fullname: string;
  model: ModelDef;
  description: string;
  default: boolean;
  main: string | null;
  exec: string | null;
  /** Raw step items, unvalidated; null when the op has no steps. */
  steps: PyValue[] | null;
  /** Sorted by name. */
  flags: FlagDef[];
  flagsDest: string | null;
  flagsImport: PyValue;
  flagsImportSkip: PyValue;
  /** Raw `requires` items (a single item is wrapped in a list). */
  requires: PyValue[];
  /** Coerced output-scalars: null (defaults), [] (disabled) or a list of items. */
  outputScalars: PyValue[] | null;
  compare: PyValue;
  sourcecode: SourceCodeSpec;
  label: string | null;
  tags: string[];
  env: RawData;
  defaultFlagArgSkip: boolean;
  deleteOnSuccess: boolean;
  pythonRequires: PyValue;
  /** The coerced operation data as written in the Guild file. */
  raw: RawData;
}

/** Source code selection: `rules` are applied after the defaults; `disabled` turns copying off. */
export interface SourceCodeSpec {
  disabled: boolean;
  root: string | null;
  dest: string | null;
  digest: boolean;
  rules: SourceCodeRule[];
}

export interface SourceCodeRule {
  type: "include" | "exclude";
  patterns: string[];
  /** `dir` rules match directories only. */
  kind: "file" | "dir" | null;
}

export interface ModelDef {
  /** `''` for the anonymous model of a mapping-form Guild file. */
  name: string;
  description: string;
  default: boolean;
  /** Sorted by name. */
  operations: OpDef[];
  sourcecode: SourceCodeSpec;
  guildfile: Guildfile;
  raw: RawData;
}

export interface Guildfile {
  /** Absolute path of guild.yml. */
  path: string;
  dir: string;
  /** md5 hex of the file bytes (the opref's package version). */
  md5: string;
  /** In file order. */
  models: ModelDef[];
  /** The name of the `package` item, when there is one. */
  packageName?: string;
  /** The `package` item as written (description, tags, ...), when there is one. */
  packageData?: RawData;
}
