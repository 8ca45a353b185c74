// The run directory format every Guild implementation shares: paths, attrs, opref, markers, manifest and output.
export {
  GUILD_DIR, GUILD_FILES, type RunMarker,
  runsDir, trashRunsDir, runDirPath, trashRunDirPath,
  guildDir, attrPath, outputPath, protoDir, NOCOPY_MARKER,
} from "./paths.js";
export { GuildDirListing, isRunDir } from "./guild-dir.js";
export { createAttrsDir, writeAttr, deleteAttr } from "./attrs.js";
export { RunDirReader } from "./reader.js";
export { decodeAttr } from "./attr-codec.js";
export { type Opref, formatOpref, parseOpref, writeOpref } from "./opref.js";
export { writeMarker, writeLock, removeMarker } from "./markers.js";
export { createManifest, appendManifest } from "./manifest.js";
export { type OutputFiles, openOutputFiles, closeOutputFiles, outputIndexEntry } from "./output.js";
export { writeEnvScript } from "./env-script.js";
