// The reminder reply after a breach (lancs 3.11: remind the person of the strategy, the
// consequences of breaching it and the reasons for it), as HTML for displayReplyForm. The
// organisation's template is plain text with {{placeholders}}: every piece of text in it and
// every value is HTML-escaped, so nothing a person typed is ever rendered as markup. The
// person's reasonable adjustments shape the format (durham rec 1, lancs 3.13); what cannot be
// done in HTML comes back as notes for the handler.
import { isIsoDate, localDate, parseInstant, resolveTimeZone } from './time';
import type { Channel, Flag, FlagCode, IsoDate, Reason, Strategy, Weekday } from './types';

export const DEFAULT_REMINDER_TEMPLATE = `Dear {{personName}},

I am writing to remind you of the arrangements for your contact with us about {{matterRefs}}.

Your recent email did not follow these arrangements:

{{breaches}}

The arrangements are:

{{restrictions}}

They were put in place because:

{{reasons}}

Please keep to these arrangements. They are there so that your concerns are dealt with promptly and accurately; not following them may delay how your matters are handled, and the arrangements may be extended.

Your single point of contact is {{spoc}}.

The arrangements will next be reviewed by {{reviewDate}}.

Whatever the arrangements, we read everything you send us for any new complaint, new allegation, criminal matter or risk to anyone's safety.

Yours sincerely,

{{handlerName}}`;

export interface ReminderInput {
  strategy: Strategy;
  /** Breach flags raised on the email being answered; their codes become {{breaches}}. */
  flags?: readonly Flag[];
  /** The organisation's template (settings); the shipped default when absent or blank. */
  template?: string;
  /** When the email being answered arrived: {{receivedDate}}, in the strategy's zone. */
  receivedDateTime?: string;
  /** The handler drafting the reply: {{handlerName}}. */
  handlerName?: string;
}

export interface ReminderDraft {
  html: string;
  /** For the handler before sending: adjustments that need a person (easy read, post, braille…). */
  notes: string[];
  /** Placeholders in the template this renderer does not know; left in the text as written. */
  unknownPlaceholders: string[];
}

// ---- Values ---------------------------------------------------------------------------------

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `2025-04-06` → `6 April 2025` (fixed English, no locale dependency). */
export function longDate(date: IsoDate | undefined): string {
  if (!isIsoDate(date)) return '';
  const [y, m, d] = date.split('-').map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}

const REASON_TEXT: Record<Reason, string> = {
  'aggressive-or-abusive': 'contact with us has been aggressive or abusive',
  'unreasonably-persistent': 'contact with us has been unreasonably persistent',
  'unreasonable-demands': 'we have received unreasonable demands',
};

const CHANNEL_TEXT: Record<Channel, string> = {
  email: 'email',
  post: 'post',
  phone: 'telephone',
  'in-person': 'in person',
  'online-form': 'our online form',
};

const DAY_TEXT: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

/** What the person did, in words addressed to them (no internal field names). */
const BREACH_TEXT: Partial<Record<FlagCode, (s: Strategy) => string>> = {
  CHANNEL_NOT_PERMITTED: () =>
    'You contacted us by email, which is not one of the agreed ways to contact us.',
  WRONG_ADDRESS: (s) => `You did not write to the agreed email address (${s.designatedAddress ?? ''}).`,
  NOT_SPOC: (s) =>
    `You wrote to other members of staff, not only to ${s.spoc?.name ?? 'your single point of contact'}.`,
  MULTIPLE_RECIPIENTS: () => 'You sent the same email to more than one member of staff or team.',
  ADVOCATE_REQUIRED: (s) =>
    `You wrote to us directly rather than through ${s.advocate?.name ?? 'your advocate'}.`,
  OUTSIDE_PERMITTED_TIME: () => 'You contacted us outside the agreed days and times.',
  CONTACT_LIMIT_EXCEEDED: () => 'You contacted us more often than the agreed limit.',
};

function list(items: readonly string[]): string[] {
  return items.filter((i) => i.trim().length > 0);
}

function restrictions(s: Strategy): string[] {
  const out: string[] = [];
  if (s.permittedChannels.length > 0) {
    out.push(`Contact us only by ${s.permittedChannels.map((c) => CHANNEL_TEXT[c] ?? c).join(' or ')}.`);
  }
  if (s.designatedAddress) out.push(`Send emails only to ${s.designatedAddress}.`);
  if (s.spoc) out.push(`Write only to your single point of contact, ${s.spoc.name} (${s.spoc.address}).`);
  if (s.advocate?.required) out.push(`Contact us through your advocate, ${s.advocate.name}.`);
  if (s.contactLimit) {
    const { max, periodDays } = s.contactLimit;
    const period = periodDays === 1 ? 'day' : periodDays === 7 ? 'week' : `${periodDays} days`;
    out.push(`Contact us no more than ${max === 1 ? 'once' : `${max} times`} a ${period}.`);
  }
  for (const w of s.permittedTimes) {
    const days = w.days.length > 0 ? w.days.map((d) => DAY_TEXT[d] ?? d).join(', ') : 'any day';
    out.push(`Contact us on ${days}, between ${w.from} and ${w.to}.`);
  }
  if (s.responsePolicy === 'respond-within-days' && s.responseDays) {
    out.push(`We will reply within ${s.responseDays} days.`);
  }
  if (s.refuseReopen) out.push('We will not consider requests to reopen matters that have been closed.');
  return out;
}

function reasons(s: Strategy): string[] {
  return list([...s.reasons.map((r) => REASON_TEXT[r] ?? r), s.reasonNarrative ?? '']);
}

function breaches(s: Strategy, flags: readonly Flag[]): string[] {
  const codes = new Set(
    flags.filter((f) => f.strategyId === s.id && f.severity === 'breach').map((f) => f.code),
  );
  return [...codes].map((c) => BREACH_TEXT[c]?.(s) ?? '').filter((t) => t.length > 0);
}

type Value = { kind: 'text'; text: string } | { kind: 'list'; items: string[] };

/** The calendar date an instant falls on where the person lives (BST-aware); '' if unknown. */
function localDateOf(instant: string | undefined, timeZone: string | undefined): string {
  const at = parseInstant(instant);
  return at ? localDate(at, resolveTimeZone(timeZone)) : '';
}

function values(input: ReminderInput): Record<string, Value> {
  const s = input.strategy;
  const text = (t: string): Value => ({ kind: 'text', text: t });
  return {
    personName: text(s.personName),
    matterRefs: text(s.matterRefs.join(', ')),
    spoc: text(s.spoc ? `${s.spoc.name} (${s.spoc.address})` : ''),
    designatedAddress: text(s.designatedAddress ?? ''),
    reviewDate: text(longDate(s.nextReviewDate)),
    nextReviewDate: text(longDate(s.nextReviewDate)),
    startDate: text(longDate(s.startDate)),
    receivedDate: text(longDate(localDateOf(input.receivedDateTime, s.timeZone))),
    handlerName: text(input.handlerName ?? ''),
    restrictions: { kind: 'list', items: restrictions(s) },
    reasons: { kind: 'list', items: reasons(s) },
    breaches: { kind: 'list', items: breaches(s, input.flags ?? []) },
  };
}

// ---- Adjustments --------------------------------------------------------------------------

export interface FormatChoice {
  fontSizePt?: number;
  fontFamily?: string;
  lineHeight?: number;
  notes: string[];
}

const MIN_PT = 12;
const MAX_PT = 48;
const LARGE_PRINT_PT = 16;

/**
 * Reads the adjustments' descriptions. Recognised: large print / NNpt / font size (font size,
 * 16pt if no size is given), sans-serif / dyslexia / Arial / Verdana (font), 1.5 or double line
 * spacing. Noted for the handler: plain English / easy read, by post / paper copy, braille /
 * audio / BSL / interpreter / translation, and anything unrecognised (never silently ignored).
 */
export function formatFor(strategy: Strategy): FormatChoice {
  const choice: FormatChoice = { notes: [] };
  for (const { description } of strategy.reasonableAdjustments) {
    const d = description.toLowerCase();
    let recognised = false;
    const pt = /(\d{2})\s*(?:pt|point)\b/.exec(d);
    if (pt || /large\s*print|larger\s*(?:text|font)|font\s*size/.test(d)) {
      const size = pt ? Number(pt[1]) : LARGE_PRINT_PT;
      choice.fontSizePt = Math.max(choice.fontSizePt ?? 0, Math.min(MAX_PT, Math.max(MIN_PT, size)));
      recognised = true;
    }
    if (/sans[\s-]?serif|dyslexi|arial|verdana/.test(d)) {
      choice.fontFamily = 'Arial, Verdana, sans-serif';
      recognised = true;
    }
    if (/double[\s-]?spac/.test(d)) {
      choice.lineHeight = 2;
      recognised = true;
    } else if (/1\.5\s*(?:line)?\s*spac/.test(d)) {
      choice.lineHeight = Math.max(choice.lineHeight ?? 0, 1.5);
      recognised = true;
    }
    if (/plain\s*english|easy\s*read|simple\s*(?:language|words)/.test(d)) {
      choice.notes.push(`Write in plain English / easy read (${description}): short sentences, no jargon.`);
      recognised = true;
    }
    if (/\bpost\b|paper\s*cop|\bletter\b|printed/.test(d)) {
      choice.notes.push(`Also send this by post if agreed (${description}).`);
      recognised = true;
    }
    if (/braille|audio|\bbsl\b|sign\s*language|interpret|translat/.test(d)) {
      choice.notes.push(`Arrange the agreed alternative format (${description}); this draft is not it.`);
      recognised = true;
    }
    if (!recognised)
      choice.notes.push(`Check this adjustment yourself; it was not applied automatically: ${description}.`);
  }
  return choice;
}

function wrapperStyle(f: FormatChoice): string {
  const rules: string[] = [];
  if (f.fontFamily) rules.push(`font-family: ${f.fontFamily}`);
  if (f.fontSizePt) rules.push(`font-size: ${f.fontSizePt}pt`);
  if (f.lineHeight) rules.push(`line-height: ${f.lineHeight}`);
  return rules.join('; ');
}

// ---- Rendering ----------------------------------------------------------------------------

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;
const ONLY_PLACEHOLDER = /^\{\{\s*([A-Za-z]+)\s*\}\}$/;

/**
 * The value of a placeholder, from the template's own keys only: `{{constructor}}` or
 * `{{toString}}` must not reach Object.prototype (a function there has no `kind`, and reading
 * `.items` of it threw, so the reminder button silently did nothing).
 */
function valueOf(vals: Record<string, Value>, name: string): Value | undefined {
  return Object.prototype.hasOwnProperty.call(vals, name) ? vals[name] : undefined;
}

function renderList(items: readonly string[]): string {
  return `<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
}

/**
 * A paragraph whose placeholder has no value is left out (no "reviewed by ." sentences); a
 * paragraph that is only a list placeholder becomes a list.
 */
function renderParagraph(paragraph: string, vals: Record<string, Value>, unknown: Set<string>): string {
  const whole = ONLY_PLACEHOLDER.exec(paragraph.trim());
  const whole1 = whole?.[1];
  const wholeValue = whole1 !== undefined ? valueOf(vals, whole1) : undefined;
  if (wholeValue?.kind === 'list') return wholeValue.items.length > 0 ? renderList(wholeValue.items) : '';

  let empty = false;
  let html = '';
  let last = 0;
  for (const m of paragraph.matchAll(PLACEHOLDER)) {
    const name = m[1] ?? '';
    const v = valueOf(vals, name);
    html += escapeHtml(paragraph.slice(last, m.index));
    if (!v) {
      unknown.add(name);
      html += escapeHtml(m[0]);
    } else {
      const text = v.kind === 'list' ? v.items.join(' ') : v.text;
      if (text.trim().length === 0) empty = true;
      html += escapeHtml(text);
    }
    last = (m.index ?? 0) + m[0].length;
  }
  html += escapeHtml(paragraph.slice(last));
  if (empty) return '';
  return `<p>${html.replace(/\r?\n/g, '<br>')}</p>`;
}

export function renderReminder(input: ReminderInput): ReminderDraft {
  const template = input.template?.trim() ? input.template : DEFAULT_REMINDER_TEMPLATE;
  const vals = values(input);
  const unknown = new Set<string>();
  const body = template
    .replace(/\r\n/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/^\n+|\n+$/g, ''))
    .filter((p) => p.trim().length > 0)
    .map((p) => renderParagraph(p, vals, unknown))
    .join('');
  const format = formatFor(input.strategy);
  const style = wrapperStyle(format);
  return {
    html: style ? `<div style="${style}">${body}</div>` : `<div>${body}</div>`,
    notes: format.notes,
    unknownPlaceholders: [...unknown],
  };
}
