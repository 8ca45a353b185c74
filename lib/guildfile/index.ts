// The Guild file API: load guild.yml, find default models and operations.
export { loadGuildfile, loadGuildfileIfExists, guildfilePath, defaultModel, defaultOperation, GUILDFILE_NAME, type LoadedGuildfile } from "./load.js";
export { GuildfileError } from "./coerce.js";
export type { FlagsImportContext } from "./import-flags.js";
export type * from "./types.js";
export { execScriptOp, scriptOp, isPythonScript, type ScriptOp } from "./script-model.js";
