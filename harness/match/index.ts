// Public face of the matcher: doctest output checking with Guild's rules, diffs, update mode.
export { checkExample, checkOutput, prepareForCheck, type CheckResult } from "./check.js";
export { ellipsisMatch, ELLIPSIS_MARKER } from "./ellipsis.js";
export {
  doctestCheckOutput,
  normalizeWhitespace,
  removeBlanklineMarkers,
  emptyWhitespaceOnlyLines,
  toAscii,
  BLANKLINE_MARKER,
} from "./doctest-check.js";
export {
  normalizeActual,
  normalizeExpected,
  stripExit0,
  leadingWildcardAsEllipsis,
  normalizeWindowsPaths,
  bashNormalizeExit0,
} from "./guild-normalize.js";
export { exceptionOnly, isTraceback } from "./exception.js";
export type { MatchOptions, MatchContext } from "./options.js";
export { renderDiff } from "./diff.js";
export { updateExpected } from "./update.js";
export { replaceWant, replaceWants, type ExampleSpan } from "./rewrite.js";
export { redactWildcards, type Redaction, type WildcardSpan } from "./redact.js";
export { displayPair, type DisplayPair } from "./display.js";
