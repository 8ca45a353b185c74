// PyYAML's verdict on a YAML text: the first syntax error `yaml.safe_load` raises, in its words, or null when it loads.
//
// A token scanner and an LL(1) parser shaped as PyYAML 6's pure-Python loader works: lazy scanning with
// simple keys resolved on `:`, block indentation as a stack, and the composer's alias checks. It builds
// no values (js-yaml does that); it only finds where and how PyYAML would stop.
import { pyRepr } from "../python/repr.js";

interface Mark {
  index: number;
  line: number;
  column: number;
}

/** Token kinds by the ids PyYAML prints in "but found %r". */
type TokenId =
  | "<stream start>" | "<stream end>" | "<document start>" | "<document end>"
  | "<block sequence start>" | "<block mapping start>" | "<block end>"
  | "[" | "{" | "]" | "}" | "?" | ":" | "-" | ","
  | "<alias>" | "<anchor>" | "<tag>" | "<scalar>";

interface Token {
  id: TokenId;
  start: Mark;
  /** Anchor or alias name; for tags the resolved parts. */
  value?: string;
  handle?: string | null;
}

interface SimpleKey {
  tokenNumber: number;
  required: boolean;
  mark: Mark;
}

/** A MarkedYAMLError's parts: context and problem, each with an optional mark. */
class YamlProblem {
  constructor(
    readonly context: string | null,
    readonly contextMark: Mark | null,
    readonly problem: string,
    readonly problemMark: Mark | null,
  ) {}
}

/** Something this checker does not model (directives, URI escapes, unprintable characters): no verdict. */
class Unmodelled extends Error {}

const BREAKS = "\r\n\x85\u2028\u2029";
const END_OR_BLANK = "\0 \t" + BREAKS;
const isWordChar = (ch: string) => /^[0-9A-Za-z_-]$/.test(ch);

class Scanner {
  private index = 0;
  private line = 0;
  private column = 0;
  done = false;
  private flowLevel = 0;
  private readonly tokens: Token[] = [];
  private tokensTaken = 0;
  private indent = -1;
  private readonly indents: number[] = [];
  private allowSimpleKey = true;
  private readonly simpleKeys = new Map<number, SimpleKey>();

  constructor(private readonly text: string) {
    this.tokens.push({ id: "<stream start>", start: this.mark() });
  }

  // Reading

  private peek(offset = 0): string {
    return this.text[this.index + offset] ?? "\0";
  }

  private prefix(length: number): string {
    return this.text.slice(this.index, this.index + length);
  }

  private forward(length = 1): void {
    for (let n = 0; n < length && this.index < this.text.length; n++) {
      const ch = this.text[this.index++];
      if ("\n\x85\u2028\u2029".includes(ch) || (ch === "\r" && this.peek() !== "\n")) {
        this.line++;
        this.column = 0;
      } else if (ch !== "\uFEFF") {
        this.column++;
      }
    }
  }

  mark(): Mark {
    return { index: this.index, line: this.line, column: this.column };
  }

  private lineBreak(): string {
    const ch = this.peek();
    if ("\r\n\x85".includes(ch)) {
      this.forward(this.prefix(2) === "\r\n" ? 2 : 1);
      return "\n";
    }
    if ("\u2028\u2029".includes(ch)) {
      this.forward();
      return ch;
    }
    return "";
  }

  private fail(context: string | null, contextMark: Mark | null, problem: string): never {
    throw new YamlProblem(context, contextMark, problem, this.mark());
  }

  // The token queue, pulled the way the parser pulls it

  private needMoreTokens(): boolean {
    if (this.done) return false;
    if (this.tokens.length === 0) return true;
    this.staleSimpleKeys();
    return this.nextSimpleKeyNumber() === this.tokensTaken;
  }

  private fill(): void {
    while (this.needMoreTokens()) this.fetchMoreTokens();
  }

  peekToken(): Token | undefined {
    this.fill();
    return this.tokens[0];
  }

  check(...ids: TokenId[]): boolean {
    const token = this.peekToken();
    return token !== undefined && ids.includes(token.id);
  }

  getToken(): Token | undefined {
    this.fill();
    const token = this.tokens.shift();
    if (token) this.tokensTaken++;
    return token;
  }

  // Simple keys and indentation

  private nextSimpleKeyNumber(): number | null {
    let least: number | null = null;
    for (const key of this.simpleKeys.values()) if (least === null || key.tokenNumber < least) least = key.tokenNumber;
    return least;
  }

  private staleSimpleKeys(): void {
    for (const [level, key] of [...this.simpleKeys]) {
      if (key.mark.line !== this.line || this.index - key.mark.index > 1024) {
        if (key.required) this.fail("while scanning a simple key", key.mark, "could not find expected ':'");
        this.simpleKeys.delete(level);
      }
    }
  }

  private saveSimpleKey(): void {
    const required = this.flowLevel === 0 && this.indent === this.column;
    if (!this.allowSimpleKey) return;
    this.removeSimpleKey();
    this.simpleKeys.set(this.flowLevel, { tokenNumber: this.tokensTaken + this.tokens.length, required, mark: this.mark() });
  }

  private removeSimpleKey(): void {
    const key = this.simpleKeys.get(this.flowLevel);
    if (!key) return;
    if (key.required) this.fail("while scanning a simple key", key.mark, "could not find expected ':'");
    this.simpleKeys.delete(this.flowLevel);
  }

  private unwindIndent(column: number): void {
    if (this.flowLevel !== 0) return;
    while (this.indent > column) {
      this.indent = this.indents.pop() as number;
      this.tokens.push({ id: "<block end>", start: this.mark() });
    }
  }

  private addIndent(column: number): boolean {
    if (this.indent >= column) return false;
    this.indents.push(this.indent);
    this.indent = column;
    return true;
  }

  // Dispatch

  private fetchMoreTokens(): void {
    this.skipToNextToken();
    this.staleSimpleKeys();
    this.unwindIndent(this.column);
    const ch = this.peek();
    const next = this.peek(1);
    const atLineStart = this.column === 0;
    const documentMarker = (marker: string) => atLineStart && this.prefix(3) === marker && END_OR_BLANK.includes(this.peek(3));
    if (ch === "\0") return this.fetchStreamEnd();
    if (ch === "%" && atLineStart) throw new Unmodelled("directive");
    if (ch === "-" && documentMarker("---")) return this.fetchDocumentIndicator("<document start>");
    if (ch === "." && documentMarker("...")) return this.fetchDocumentIndicator("<document end>");
    if (ch === "[" || ch === "{") return this.fetchFlowStart(ch);
    if (ch === "]" || ch === "}") return this.fetchFlowEnd(ch);
    if (ch === ",") return this.fetchFlowEntry();
    if (ch === "-" && END_OR_BLANK.includes(next)) return this.fetchBlockEntry();
    if (ch === "?" && (this.flowLevel !== 0 || END_OR_BLANK.includes(next))) return this.fetchKey();
    if (ch === ":" && (this.flowLevel !== 0 || END_OR_BLANK.includes(next))) return this.fetchValue();
    if (ch === "*" || ch === "&") return this.fetchAnchor(ch);
    if (ch === "!") return this.fetchTag();
    if ((ch === "|" || ch === ">") && this.flowLevel === 0) return this.fetchBlockScalar();
    if (ch === "'" || ch === '"') return this.fetchQuoted(ch);
    if (this.startsPlain(ch, next)) return this.fetchPlain();
    this.fail("while scanning for the next token", null, `found character ${pyRepr(ch)} that cannot start any token`);
  }

  private startsPlain(ch: string, next: string): boolean {
    if (!(END_OR_BLANK + "-?:,[]{}#&*!|>'\"%@`").includes(ch)) return true;
    return !END_OR_BLANK.includes(next) && (ch === "-" || (this.flowLevel === 0 && (ch === "?" || ch === ":")));
  }

  private skipToNextToken(): void {
    if (this.index === 0 && this.peek() === "\uFEFF") this.forward();
    for (;;) {
      while (this.peek() === " ") this.forward();
      if (this.peek() === "#") while (!("\0" + BREAKS).includes(this.peek())) this.forward();
      if (!this.lineBreak()) return;
      if (this.flowLevel === 0) this.allowSimpleKey = true;
    }
  }

  private push(id: TokenId, extra: Partial<Token> = {}, length = 1): void {
    const start = this.mark();
    this.forward(length);
    this.tokens.push({ id, start, ...extra });
  }

  private fetchStreamEnd(): void {
    this.unwindIndent(-1);
    this.removeSimpleKey();
    this.allowSimpleKey = false;
    this.simpleKeys.clear();
    this.tokens.push({ id: "<stream end>", start: this.mark() });
    this.done = true;
  }

  private fetchDocumentIndicator(id: TokenId): void {
    this.unwindIndent(-1);
    this.removeSimpleKey();
    this.allowSimpleKey = false;
    this.push(id, {}, 3);
  }

  private fetchFlowStart(ch: "[" | "{"): void {
    this.saveSimpleKey();
    this.flowLevel++;
    this.allowSimpleKey = true;
    this.push(ch);
  }

  private fetchFlowEnd(ch: "]" | "}"): void {
    this.removeSimpleKey();
    this.flowLevel--;
    this.allowSimpleKey = false;
    this.push(ch);
  }

  private fetchFlowEntry(): void {
    this.allowSimpleKey = true;
    this.removeSimpleKey();
    this.push(",");
  }

  private fetchBlockEntry(): void {
    if (this.flowLevel === 0) {
      if (!this.allowSimpleKey) this.fail(null, null, "sequence entries are not allowed here");
      if (this.addIndent(this.column)) this.tokens.push({ id: "<block sequence start>", start: this.mark() });
    }
    this.allowSimpleKey = true;
    this.removeSimpleKey();
    this.push("-");
  }

  private fetchKey(): void {
    if (this.flowLevel === 0) {
      if (!this.allowSimpleKey) this.fail(null, null, "mapping keys are not allowed here");
      if (this.addIndent(this.column)) this.tokens.push({ id: "<block mapping start>", start: this.mark() });
    }
    this.allowSimpleKey = this.flowLevel === 0;
    this.removeSimpleKey();
    this.push("?");
  }

  private fetchValue(): void {
    const key = this.simpleKeys.get(this.flowLevel);
    if (key) {
      this.simpleKeys.delete(this.flowLevel);
      const at = key.tokenNumber - this.tokensTaken;
      this.tokens.splice(at, 0, { id: "?", start: key.mark });
      if (this.flowLevel === 0 && this.addIndent(key.mark.column)) this.tokens.splice(at, 0, { id: "<block mapping start>", start: key.mark });
      this.allowSimpleKey = false;
    } else {
      if (this.flowLevel === 0) {
        if (!this.allowSimpleKey) this.fail(null, null, "mapping values are not allowed here");
        if (this.addIndent(this.column)) this.tokens.push({ id: "<block mapping start>", start: this.mark() });
      }
      this.allowSimpleKey = this.flowLevel === 0;
      this.removeSimpleKey();
    }
    this.push(":");
  }

  private fetchAnchor(indicator: "*" | "&"): void {
    this.saveSimpleKey();
    this.allowSimpleKey = false;
    const start = this.mark();
    const what = indicator === "*" ? "alias" : "anchor";
    this.forward();
    let length = 0;
    while (isWordChar(this.peek(length))) length++;
    const expected = (ch: string) => this.fail(`while scanning an ${what}`, start, `expected alphabetic or numeric character, but found ${pyRepr(ch)}`);
    if (length === 0) expected(this.peek());
    const value = this.prefix(length);
    this.forward(length);
    if (!(END_OR_BLANK + "?:,]}%@`").includes(this.peek())) expected(this.peek());
    this.tokens.push({ id: indicator === "*" ? "<alias>" : "<anchor>", start, value });
  }

  private fetchTag(): void {
    this.saveSimpleKey();
    this.allowSimpleKey = false;
    const start = this.mark();
    let handle: string | null;
    let suffix: string;
    if (this.peek(1) === "<") {
      handle = null;
      this.forward(2);
      suffix = this.tagUri(start);
      if (this.peek() !== ">") this.fail("while parsing a tag", start, `expected '>', but found ${pyRepr(this.peek())}`);
      this.forward();
    } else if (END_OR_BLANK.includes(this.peek(1))) {
      handle = null;
      suffix = "!";
      this.forward();
    } else {
      let length = 1;
      let useHandle = false;
      for (let ch = this.peek(1); !("\0 " + BREAKS).includes(ch); ch = this.peek(++length)) {
        if (ch === "!") {
          useHandle = true;
          break;
        }
      }
      if (useHandle) {
        handle = this.tagHandle(start);
      } else {
        handle = "!";
        this.forward();
      }
      suffix = this.tagUri(start);
    }
    if (!("\0 " + BREAKS).includes(this.peek())) this.fail("while scanning a tag", start, `expected ' ', but found ${pyRepr(this.peek())}`);
    this.tokens.push({ id: "<tag>", start, handle, value: suffix });
  }

  private tagHandle(start: Mark): string {
    let length = 1;
    if (this.peek(length) !== " ") {
      while (isWordChar(this.peek(length))) length++;
      if (this.peek(length) !== "!") {
        const found = this.peek(length);
        this.forward(length);
        this.fail("while scanning a tag", start, `expected '!', but found ${pyRepr(found)}`);
      }
      length++;
    }
    const value = this.prefix(length);
    this.forward(length);
    return value;
  }

  private tagUri(start: Mark): string {
    let length = 0;
    while (/^[0-9A-Za-z\-;/?:@&=+$,_.!~*'()[\]%]$/.test(this.peek(length))) {
      if (this.peek(length) === "%") throw new Unmodelled("URI escape");
      length++;
    }
    if (length === 0) this.fail("while parsing a tag", start, `expected URI, but found ${pyRepr(this.peek())}`);
    const value = this.prefix(length);
    this.forward(length);
    return value;
  }

  private fetchBlockScalar(): void {
    this.allowSimpleKey = true;
    this.removeSimpleKey();
    const start = this.mark();
    this.forward();
    const increment = this.blockScalarIndicators(start);
    this.blockScalarRestOfLine(start);
    this.blockScalarBody(increment);
    this.tokens.push({ id: "<scalar>", start });
  }

  private blockScalarIndicators(start: Mark): number | null {
    let increment: number | null = null;
    const readIncrement = () => {
      if (!/^[0-9]$/.test(this.peek())) return;
      increment = Number(this.peek());
      if (increment === 0) this.fail("while scanning a block scalar", start, "expected indentation indicator in the range 1-9, but found 0");
      this.forward();
    };
    if (this.peek() === "+" || this.peek() === "-") {
      this.forward();
      readIncrement();
    } else if (/^[0-9]$/.test(this.peek())) {
      readIncrement();
      if (this.peek() === "+" || this.peek() === "-") this.forward();
    }
    if (!("\0 " + BREAKS).includes(this.peek())) {
      this.fail("while scanning a block scalar", start, `expected chomping or indentation indicators, but found ${pyRepr(this.peek())}`);
    }
    return increment;
  }

  private blockScalarRestOfLine(start: Mark): void {
    while (this.peek() === " ") this.forward();
    if (this.peek() === "#") while (!("\0" + BREAKS).includes(this.peek())) this.forward();
    if (!("\0" + BREAKS).includes(this.peek())) this.fail("while scanning a block scalar", start, `expected a comment or a line break, but found ${pyRepr(this.peek())}`);
    this.lineBreak();
  }

  /** Consumes the scalar's lines: those indented at least as its first non-empty line (or the indicator). */
  private blockScalarBody(increment: number | null): void {
    const minIndent = Math.max(this.indent + 1, 1);
    let indent: number;
    if (increment === null) {
      let maxIndent = 0;
      while ((" " + BREAKS).includes(this.peek()) && this.peek() !== "\0") {
        if (this.peek() === " ") {
          this.forward();
          maxIndent = Math.max(maxIndent, this.column);
        } else {
          this.lineBreak();
        }
      }
      indent = Math.max(minIndent, maxIndent);
    } else {
      indent = minIndent + increment - 1;
      this.blockScalarBreaks(indent);
    }
    while (this.column === indent && this.peek() !== "\0") {
      while (!("\0" + BREAKS).includes(this.peek())) this.forward();
      this.lineBreak();
      this.blockScalarBreaks(indent);
    }
  }

  private blockScalarBreaks(indent: number): void {
    while (this.column < indent && this.peek() === " ") this.forward();
    while (BREAKS.includes(this.peek()) && this.peek() !== "\0") {
      this.lineBreak();
      while (this.column < indent && this.peek() === " ") this.forward();
    }
  }

  private fetchQuoted(quote: "'" | '"'): void {
    this.saveSimpleKey();
    this.allowSimpleKey = false;
    const start = this.mark();
    const double = quote === '"';
    this.forward();
    this.quotedNonSpaces(double, start);
    while (this.peek() !== quote) {
      this.quotedSpaces(start);
      this.quotedNonSpaces(double, start);
    }
    this.forward();
    this.tokens.push({ id: "<scalar>", start });
  }

  private quotedNonSpaces(double: boolean, start: Mark): void {
    for (;;) {
      while (!("'\"\\\0 \t" + BREAKS).includes(this.peek())) this.forward();
      const ch = this.peek();
      if (!double && ch === "'" && this.peek(1) === "'") this.forward(2);
      else if ((double && ch === "'") || (!double && (ch === '"' || ch === "\\"))) this.forward();
      else if (double && ch === "\\") this.escape(start);
      else return;
    }
  }

  private escape(start: Mark): void {
    this.forward();
    const ch = this.peek();
    const codeLength = ({ x: 2, u: 4, U: 8 } as Record<string, number>)[ch];
    if ("0abt\tnvfre \"\\/N_LP".includes(ch) && ch !== "\0") {
      this.forward();
    } else if (codeLength) {
      this.forward();
      for (let k = 0; k < codeLength; k++) {
        if (!/^[0-9A-Fa-f]$/.test(this.peek(k))) {
          this.fail("while scanning a double-quoted scalar", start, `expected escape sequence of ${codeLength} hexadecimal numbers, but found ${pyRepr(this.peek(k))}`);
        }
      }
      this.forward(codeLength);
    } else if (BREAKS.includes(ch) && ch !== "\0") {
      this.lineBreak();
      this.quotedBreaks(start);
    } else {
      this.fail("while scanning a double-quoted scalar", start, `found unknown escape character ${pyRepr(ch)}`);
    }
  }

  private quotedSpaces(start: Mark): void {
    while (this.peek() === " " || this.peek() === "\t") this.forward();
    const ch = this.peek();
    if (ch === "\0") this.fail("while scanning a quoted scalar", start, "found unexpected end of stream");
    if (BREAKS.includes(ch)) {
      this.lineBreak();
      this.quotedBreaks(start);
    }
  }

  private quotedBreaks(start: Mark): void {
    for (;;) {
      const marker = this.prefix(3);
      if ((marker === "---" || marker === "...") && END_OR_BLANK.includes(this.peek(3))) {
        this.fail("while scanning a quoted scalar", start, "found unexpected document separator");
      }
      while (this.peek() === " " || this.peek() === "\t") this.forward();
      if (!BREAKS.includes(this.peek()) || this.peek() === "\0") return;
      this.lineBreak();
    }
  }

  private fetchPlain(): void {
    this.saveSimpleKey();
    this.allowSimpleKey = false;
    const start = this.mark();
    const indent = this.indent + 1;
    const inFlow = this.flowLevel !== 0;
    for (;;) {
      if (this.peek() === "#") break;
      let length = 0;
      for (;;) {
        const ch = this.peek(length);
        const endsAtColon = ch === ":" && (END_OR_BLANK + (inFlow ? ",[]{}" : "")).includes(this.peek(length + 1));
        if (END_OR_BLANK.includes(ch) || endsAtColon || (inFlow && ",?[]{}".includes(ch))) break;
        length++;
      }
      if (length === 0) break;
      this.allowSimpleKey = false;
      this.forward(length);
      const spaced = this.plainSpaces();
      if (!spaced || this.peek() === "#" || (!inFlow && this.column < indent)) break;
    }
    this.tokens.push({ id: "<scalar>", start });
  }

  /** Whitespace after a plain scalar's chunk; false where the scalar must end. */
  private plainSpaces(): boolean {
    let length = 0;
    while (this.peek(length) === " ") length++;
    this.forward(length);
    if (!BREAKS.includes(this.peek()) || this.peek() === "\0") return length > 0;
    this.lineBreak();
    this.allowSimpleKey = true;
    const atDocumentMarker = () => (this.prefix(3) === "---" || this.prefix(3) === "...") && END_OR_BLANK.includes(this.peek(3));
    if (atDocumentMarker()) return false;
    while ((" " + BREAKS).includes(this.peek()) && this.peek() !== "\0") {
      if (this.peek() === " ") {
        this.forward();
      } else {
        this.lineBreak();
        if (atDocumentMarker()) return false;
      }
    }
    return true;
  }
}

/** PyYAML's parser grammar, walked for its errors; the composer's anchor checks ride along. */
class Checker {
  private readonly marks: Mark[] = [];
  private anchors = new Map<string, Mark>();
  private readonly tags: { tag: string; mark: Mark }[] = [];

  constructor(private readonly scanner: Scanner) {}

  private peek(): Token {
    return this.scanner.peekToken() as Token;
  }

  private take(): Token {
    return this.scanner.getToken() as Token;
  }

  private check(...ids: TokenId[]): boolean {
    return this.scanner.check(...ids);
  }

  private expected(context: string | null, contextMark: Mark | null, problem: string): never {
    const token = this.peek();
    throw new YamlProblem(context, contextMark, `${problem}${pyRepr(token.id)}`, token.start);
  }

  /** yaml.safe_load: one document, or none; then construction, which knows only the standard tags. */
  run(): void {
    this.take();
    if (!this.check("<stream end>")) {
      const rootStart = this.firstDocument();
      while (this.check("<document end>")) this.take();
      if (!this.check("<stream end>")) {
        const next = this.peek();
        if (!this.check("<document start>")) this.expected(null, null, "expected '<document start>', but found ");
        throw new YamlProblem("expected a single document in the stream", rootStart, "but found another document", next.start);
      }
    }
    this.checkTags();
  }

  /** The first document, implicit or after `---`; returns where its root node starts. */
  private firstDocument(): Mark {
    let rootStart: Mark;
    if (!this.check("<document start>")) {
      rootStart = this.node(true, false);
    } else {
      this.take();
      rootStart = this.check("<document start>", "<document end>", "<stream end>") ? this.peek().start : this.node(true, false);
    }
    if (this.check("<document end>")) this.take();
    return rootStart;
  }

  /** parse_node with the composer's anchor checks; returns where the node starts. */
  private node(block: boolean, indentlessSequence: boolean): Mark {
    if (this.check("<alias>")) {
      const token = this.take();
      if (!this.anchors.has(token.value as string)) {
        throw new YamlProblem(null, null, `found undefined alias ${pyRepr(token.value as string)}`, token.start);
      }
      return token.start;
    }
    let anchor: Token | null = null;
    let tag: Token | null = null;
    if (this.check("<anchor>")) {
      anchor = this.take();
      if (this.check("<tag>")) tag = this.take();
    } else if (this.check("<tag>")) {
      tag = this.take();
      if (this.check("<anchor>")) anchor = this.take();
    }
    const start = anchor && (!tag || anchor.start.index < tag.start.index) ? anchor.start : tag ? tag.start : this.peek().start;
    let resolvedTag: string | null = null;
    if (tag) {
      const handle = tag.handle ?? null;
      if (handle !== null && handle !== "!" && handle !== "!!") {
        throw new YamlProblem("while parsing a node", start, `found undefined tag handle ${pyRepr(handle)}`, tag.start);
      }
      resolvedTag = (handle === "!!" ? "tag:yaml.org,2002:" : handle ?? "") + (tag.value as string);
    }
    const declare = () => {
      if (!anchor) return;
      const name = anchor.value as string;
      const first = this.anchors.get(name);
      if (first) throw new YamlProblem(`found duplicate anchor ${pyRepr(name)}; first occurrence`, first, "second occurrence", start);
      this.anchors.set(name, start);
    };
    if (resolvedTag !== null && resolvedTag !== "!") this.tags.push({ tag: resolvedTag, mark: start });
    if (indentlessSequence && this.check("-")) {
      declare();
      this.indentlessSequence();
    } else if (this.check("<scalar>")) {
      this.take();
      declare();
    } else if (this.check("[")) {
      declare();
      this.flowSequence();
    } else if (this.check("{")) {
      declare();
      this.flowMapping();
    } else if (block && this.check("<block sequence start>")) {
      declare();
      this.blockSequence();
    } else if (block && this.check("<block mapping start>")) {
      declare();
      this.blockMapping();
    } else if (anchor || tag) {
      declare();
    } else {
      this.expected(`while parsing a ${block ? "block" : "flow"} node`, start, "expected the node content, but found ");
    }
    return start;
  }

  private blockSequence(): void {
    this.marks.push(this.take().start);
    for (;;) {
      if (this.check("-")) {
        this.take();
        if (!this.check("-", "<block end>")) this.node(true, false);
        continue;
      }
      if (!this.check("<block end>")) this.expected("while parsing a block collection", this.marks.at(-1) as Mark, "expected <block end>, but found ");
      this.take();
      this.marks.pop();
      return;
    }
  }

  private indentlessSequence(): void {
    while (this.check("-")) {
      this.take();
      if (!this.check("-", "?", ":", "<block end>")) this.node(true, false);
    }
  }

  private blockMapping(): void {
    this.marks.push(this.take().start);
    for (;;) {
      if (!this.check("?")) {
        if (!this.check("<block end>")) this.expected("while parsing a block mapping", this.marks.at(-1) as Mark, "expected <block end>, but found ");
        this.take();
        this.marks.pop();
        return;
      }
      this.take();
      if (!this.check("?", ":", "<block end>")) this.node(true, true);
      if (this.check(":")) {
        this.take();
        if (!this.check("?", ":", "<block end>")) this.node(true, true);
      }
    }
  }

  private flowSequence(): void {
    this.marks.push(this.take().start);
    for (let first = true; !this.check("]"); first = false) {
      if (!first) {
        if (!this.check(",")) this.expected("while parsing a flow sequence", this.marks.at(-1) as Mark, "expected ',' or ']', but got ");
        this.take();
        if (this.check("]")) break;
      }
      if (this.check("?")) {
        this.take();
        if (!this.check(":", ",", "]")) this.node(false, false);
        if (this.check(":")) {
          this.take();
          if (!this.check(",", "]")) this.node(false, false);
        }
      } else {
        this.node(false, false);
      }
    }
    this.take();
    this.marks.pop();
  }

  private flowMapping(): void {
    this.marks.push(this.take().start);
    for (let first = true; !this.check("}"); first = false) {
      if (!first) {
        if (!this.check(",")) this.expected("while parsing a flow mapping", this.marks.at(-1) as Mark, "expected ',' or '}', but got ");
        this.take();
        if (this.check("}")) break;
      }
      if (this.check("?")) {
        this.take();
        if (!this.check(":", ",", "}")) this.node(false, false);
        if (this.check(":")) {
          this.take();
          if (!this.check(",", "}")) this.node(false, false);
        }
      } else {
        this.node(false, false);
      }
    }
    this.take();
    this.marks.pop();
  }

  /** SafeConstructor knows these tags; any other stops construction at the first node carrying it. */
  private checkTags(): void {
    const known = ["null", "bool", "int", "float", "binary", "timestamp", "omap", "pairs", "set", "str", "seq", "map"].map((name) => `tag:yaml.org,2002:${name}`);
    const unknown = this.tags.find((item) => !known.includes(item.tag));
    if (unknown) throw new YamlProblem(null, null, `could not determine a constructor for the tag ${pyRepr(unknown.tag)}`, unknown.mark);
  }
}

function markText(name: string, mark: Mark): string {
  return `  in "${name}", line ${mark.line + 1}, column ${mark.column + 1}`;
}

/** str(MarkedYAMLError): context, its mark unless it is the problem's, problem, problem mark. */
function render(problem: YamlProblem, name: string): string {
  const lines: string[] = [];
  if (problem.context !== null) lines.push(problem.context);
  const { contextMark: c, problemMark: p } = problem;
  if (c && (p === null || c.line !== p.line || c.column !== p.column)) lines.push(markText(name, c));
  lines.push(problem.problem);
  if (p) lines.push(markText(name, p));
  return lines.join("\n");
}

/**
 * The error `yaml.safe_load(open(name))` raises for `text`, in PyYAML's words, or null when PyYAML
 * loads it or the text uses something this checker does not model.
 */
export function pyyamlSyntaxError(text: string, name: string): string | null {
  const verdict = pyyamlVerdict(text, name);
  return "error" in verdict ? verdict.error : null;
}

/** What PyYAML makes of `text`: its error, a clean load, or a construct this checker leaves alone. */
export function pyyamlVerdict(text: string, name: string): { error: string } | { loads: true } | { unmodelled: string } {
  // eslint-disable-next-line no-control-regex
  if (/[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.test(text)) return { unmodelled: "unprintable character" };
  try {
    new Checker(new Scanner(text)).run();
    return { loads: true };
  } catch (error) {
    if (error instanceof YamlProblem) return { error: render(error, name) };
    if (error instanceof Unmodelled) return { unmodelled: error.message };
    throw error;
  }
}
