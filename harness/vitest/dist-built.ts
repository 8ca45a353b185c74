// The variable saying `dist/` was just built: set by whoever starts vitest right after a build, so its global setup skips building again.
export const DIST_IS_BUILT = "GUILD_TRANSCRIPTS_DIST_BUILT";
