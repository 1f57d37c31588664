/**
 * A status line as at most `maxLines` lines of about `lineChars` characters, broken between
 * phrases (", " and " · "), never inside one. When the phrases do not all fit, the last line
 * says how many are left to the node's panel ("+2 more") instead of cutting a word.
 */
export function wrapPhrases(text: string, lineChars: number, maxLines: number): string[] {
  const phrases = text
    .split(/, | · /)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  const lines: string[] = [];
  let i = 0;
  while (i < phrases.length && lines.length < maxLines) {
    const lastLine = lines.length === maxLines - 1;
    let line = phrases[i]!;
    let j = i + 1;
    while (j < phrases.length && line.length + 2 + phrases[j]!.length <= lineChars)
      line += `, ${phrases[j++]!}`;
    if (lastLine && j < phrases.length) {
      // Room for the count: take phrases back off the line until it fits beside them.
      let parts = phrases.slice(i, j);
      const withMore = (p: string[]) => `${p.join(', ')} · +${phrases.length - i - p.length} more`;
      while (parts.length > 0 && withMore(parts).length > lineChars) parts = parts.slice(0, -1);
      lines.push(parts.length > 0 ? withMore(parts) : `+${phrases.length - i} more`);
      return lines;
    }
    lines.push(line);
    i = j;
  }
  return lines;
}
