// The Guild version this CLI reproduces, as `guild --version` and the JSON help pages report it.
export const GUILD_VERSION = "0.8.2";
