const COLLAPSIBLE = /[\t\n\f\r ]+/g;

/**
 * Accumulates text the way innerText lays it out: runs of collapsible white space become one space, spaces at
 * line starts vanish, block boundaries become line breaks (never more than asked for), table cells become tabs.
 */
export class TextSink {
  private readonly parts: string[] = [];
  private written = 0;
  private trailingNewlines = 0;
  private pendingBreaks = 0;
  private pendingSpace = false;
  private pendingTab = false;

  constructor(private readonly limit: number) {}

  get length(): number {
    return this.written;
  }

  get full(): boolean {
    return this.written >= this.limit;
  }

  /** At least `count` line breaks before the next text (none at the very start). */
  requireBreaks(count: number): void {
    this.pendingBreaks = Math.max(this.pendingBreaks, count);
  }

  /** The end of a table cell: a tab before the next text on the same line. */
  endCell(): void {
    this.pendingTab = true;
  }

  /** Text under `white-space: normal`. */
  collapsible(text: string): void {
    const collapsed = text.replace(COLLAPSIBLE, ' ');
    if (collapsed === '') return;
    const leading = collapsed.startsWith(' ');
    const trailing = collapsed.endsWith(' ');
    const core = collapsed.slice(leading ? 1 : 0, trailing ? -1 : undefined);
    if (leading) this.pendingSpace = true;
    if (core !== '') this.write(core);
    if (trailing) this.pendingSpace = true;
  }

  /** Text under `white-space: pre-line`: spaces collapse, line breaks stay. */
  preLine(text: string): void {
    text.split('\n').forEach((line, index) => {
      if (index > 0) this.write('\n');
      this.collapsible(line);
    });
  }

  /** Text that keeps its white space (`<pre>`, textarea values, innerText results). */
  preformatted(text: string): void {
    if (text !== '') this.write(text);
  }

  /** A <br>. */
  lineBreak(): void {
    this.write('\n');
  }

  toString(): string {
    return this.parts.join('');
  }

  private write(text: string): void {
    let prefix = '';
    if (this.written > 0) {
      const breaks = this.pendingBreaks - this.trailingNewlines;
      if (breaks > 0) prefix = '\n'.repeat(breaks);
      else if (this.trailingNewlines === 0 && this.pendingBreaks === 0) {
        if (this.pendingTab) prefix = '\t';
        else if (this.pendingSpace && !text.startsWith('\n')) prefix = ' ';
      }
    }
    this.pendingBreaks = 0;
    this.pendingSpace = false;
    this.pendingTab = false;
    const chunk = prefix + text;
    this.parts.push(chunk);
    this.written += chunk.length;
    let trailing = 0;
    while (trailing < chunk.length && chunk.charCodeAt(chunk.length - 1 - trailing) === 10) trailing++;
    this.trailingNewlines = trailing === chunk.length ? this.trailingNewlines + trailing : trailing;
  }
}
