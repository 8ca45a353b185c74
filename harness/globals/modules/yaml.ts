// The yaml module (PyYAML's safe subset): safe_load/load of text or a file, safe_dump/dump as Guild's YAML writer emits.
import { emitYaml } from "../../../lib/yaml/emit.js";
import { YamlError, loadYaml } from "../../../lib/yaml/yaml.js";
import { PyError, pyFunction, pyModule, pyStr, type PyValue } from "../../py/index.js";
import { readStream, writeStream } from "./streams.js";
import { fromData, toData } from "./values.js";

export function yamlModule(): PyValue {
  const load = async (args: PyValue[]) => {
    const source = args[0];
    const text = source?.kind === "str" ? source.value : source?.kind === "bytes" ? new TextDecoder().decode(source.value) : await readStream(source, "load");
    try {
      return fromData(loadYaml(text));
    } catch (error) {
      if (error instanceof YamlError) throw new PyError("yaml.YAMLError", error.message);
      throw error;
    }
  };
  const dump = async (args: PyValue[]) => {
    const text = emitYaml(toData(args[0] ?? pyStr(""), "yaml"));
    if (args[1] === undefined) return pyStr(text);
    await writeStream(args[1], text, "dump");
    return undefined;
  };
  return pyModule("yaml", {
    safe_load: pyFunction("safe_load", load),
    load: pyFunction("load", load),
    full_load: pyFunction("full_load", load),
    safe_dump: pyFunction("safe_dump", dump),
    dump: pyFunction("dump", dump),
  });
}
