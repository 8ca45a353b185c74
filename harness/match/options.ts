// The option flags and context the matcher reads; a plain record, as the transcript parser makes.

/** Flag name -> on/off; a missing flag is off. */
export type MatchOptions = Readonly<Record<string, boolean | undefined>>;

/** Where the output was produced, for the normalisations that depend on it. */
export type MatchContext = {
  /** "bash" transcripts use Guild's BashDocTestChecker. Default "python". */
  kind?: "python" | "bash";
  /** NodeJS platform name; path normalisation happens only on "win32". Default "linux". */
  platform?: string;
};

export function resolveContext(context: MatchContext | "python" | "bash" | undefined): Required<MatchContext> {
  if (context === undefined) return { kind: "python", platform: "linux" };
  if (typeof context === "string") return { kind: context, platform: "linux" };
  return { kind: context.kind ?? "python", platform: context.platform ?? "linux" };
}
