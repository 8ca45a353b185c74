// Public face of the transcript parser: markdown -> examples with line spans and options.
export { parseTranscript } from "./parse.js";
export { readFrontMatter, type FrontMatter } from "./front-matter.js";
export {
  KNOWN_OPTIONS,
  DEFAULT_OPTIONS,
  isKnownOption,
  parseOptionText,
  frontMatterOptions,
  effectiveOptions,
  skipReason,
} from "./options.js";
export { findHeadings, type Heading } from "./headings.js";
export { bashCommandOf, type BashCommand } from "./bash-command.js";
export { TranscriptError, type Example, type Transcript, type OptionFlags } from "./types.js";
