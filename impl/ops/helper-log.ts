// Log lines of Guild's helper processes (steps): `LEVEL: [guild] message`, filtered by LOG_LEVEL, formatted by LOG_FORMAT.
import type { Write } from "../io.js";

export const LOG_LEVELS = { DEBUG: 10, INFO: 20, WARNING: 30, ERROR: 40 } as const;
export type LogLevelName = keyof typeof LOG_LEVELS;

const DEFAULT_FORMAT = "%(levelname)s: [%(name)s] %(message)s";

/** LOG_LEVEL as Python's int(); helpers default to WARNING when it is unset or not a number. */
export function helperLogLevel(env: Readonly<Record<string, string | undefined>>): number {
  const text = env.LOG_LEVEL?.trim();
  return text && /^[+-]?\d+$/.test(text) ? Number.parseInt(text, 10) : LOG_LEVELS.WARNING;
}

/** One record in the helper format (`%(levelname)s`, `%(name)s`, `%(message)s` replaced). */
export function formatHelperLog(format: string, level: LogLevelName, message: string): string {
  return format.replace(/%\((levelname|name|message)\)s/g, (_, field: string) => (field === "levelname" ? level : field === "name" ? "guild" : message));
}

/** A logger writing helper-format lines at or above the env's level to `write`. */
export function helperLogger(env: Readonly<Record<string, string | undefined>>, write: Write): (level: LogLevelName, message: string) => void {
  const threshold = helperLogLevel(env);
  const format = env.LOG_FORMAT ?? DEFAULT_FORMAT;
  return (level, message) => {
    if (LOG_LEVELS[level] >= threshold) write(formatHelperLog(format, level, message) + "\n");
  };
}
