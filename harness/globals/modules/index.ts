// The modules a transcript may import: standard ones (some also bound as globals, as Guild's runner does) and two of Guild's functions.
import { pyNone, type PyValue } from "../../py/index.js";
import type { HelperState } from "../state.js";
import { guildModules } from "./guild.js";
import { jsonModule } from "./json.js";
import { osModule, osPathModule } from "./os.js";
import { reModule } from "./re.js";
import { filecmpModule, globModule, hashlibModule, pprintModule, shlexModule, sysModule, timeModule } from "./stdlib.js";
import { yamlModule } from "./yaml.js";

/** Modules by import name; `chdir` is the cd helper, which os.chdir is. */
export function helperModules(state: HelperState, chdir: PyValue = pyNone): Record<string, PyValue> {
  const osPath = osPathModule(state);
  return {
    os: osModule(state, osPath, chdir),
    "os.path": osPath,
    json: jsonModule(),
    yaml: yamlModule(),
    re: reModule(),
    sys: sysModule(state),
    time: timeModule(state),
    hashlib: hashlibModule(),
    glob: globModule(state),
    filecmp: filecmpModule(state),
    shlex: shlexModule(),
    pprint: pprintModule(state),
    ...guildModules(state),
  };
}
