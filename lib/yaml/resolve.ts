// YAML 1.1 implicit scalar types as PyYAML resolves them, with Guild's float patch (`1e2` is a float).

export type ImplicitType = "bool" | "int" | "float" | "null" | "timestamp" | "merge" | "value" | "str";

const BOOL = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const INT = /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const FLOAT_PYYAML = /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const FLOAT_GUILD = /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const NULL = /^(?:~|null|Null|NULL|)$/;
const TIMESTAMP = /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/;

/** The type PyYAML (patched by Guild) gives a plain scalar with this text. */
export function resolvePlain(text: string): ImplicitType {
  if (BOOL.test(text)) return "bool";
  if (FLOAT_PYYAML.test(text)) return "float";
  if (INT.test(text)) return "int";
  if (text === "<<") return "merge";
  if (NULL.test(text)) return "null";
  if (TIMESTAMP.test(text)) return "timestamp";
  if (text === "=") return "value";
  if (FLOAT_GUILD.test(text)) return "float";
  return "str";
}

export const isYamlBool = (text: string) => BOOL.test(text);
export const isYamlInt = (text: string) => INT.test(text);
export const isYamlFloat = (text: string) => FLOAT_PYYAML.test(text) || FLOAT_GUILD.test(text);
export const isYamlNull = (text: string) => NULL.test(text);
export const isYamlTimestamp = (text: string) => TIMESTAMP.test(text);

export function constructBool(text: string): boolean {
  return /^(?:yes|true|on)$/i.test(text);
}

function sexagesimal(digits: string): number {
  return digits.split(":").reduce((total, part) => total * 60 + Number(part), 0);
}

export function constructInt(text: string): number {
  let value = text.replace(/_/g, "");
  let sign = 1;
  if (value[0] === "-") sign = -1;
  if (value[0] === "-" || value[0] === "+") value = value.slice(1);
  if (value === "0") return 0;
  if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
  if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
  if (value.startsWith("0")) return sign * parseInt(value, 8);
  if (value.includes(":")) return sign * sexagesimal(value);
  return sign * Number(value);
}

export function constructFloat(text: string): number {
  let value = text.replace(/_/g, "").toLowerCase();
  let sign = 1;
  if (value[0] === "-") sign = -1;
  if (value[0] === "-" || value[0] === "+") value = value.slice(1);
  if (value === ".inf") return sign * Infinity;
  if (value === ".nan") return NaN;
  if (value.includes(":")) return sign * sexagesimal(value);
  return sign * Number(value);
}
