// The subject of a reply or forward, as Outlook writes it: one "RE:" (or "FW:") in front. Outlook
// does not stack a second "RE:" on "RE: x" (nor on "Re: x" from another mail client), so the
// sandbox does not either; a reply to a forward keeps the "FW:" after its "RE:", as Outlook does.

export type SubjectKind = 'reply' | 'forward';

/** The prefixes each kind recognises, any case, with or without a space before the colon. */
const PREFIXES: Record<SubjectKind, { pattern: RegExp; written: string }> = {
  reply: { pattern: /^\s*re\s*:\s*/i, written: 'RE: ' },
  forward: { pattern: /^\s*(?:fw|fwd)\s*:\s*/i, written: 'FW: ' },
};

/**
 * `subject` with one prefix for `kind`; the same prefixes already there are folded into it, and
 * leading spaces dropped (else a second reply would drop them and read differently).
 */
export function prefixSubject(kind: SubjectKind, subject: string): string {
  const { pattern, written } = PREFIXES[kind];
  let rest = subject.trimStart();
  for (let match = pattern.exec(rest); match; match = pattern.exec(rest)) rest = rest.slice(match[0].length);
  return `${written}${rest}`;
}
