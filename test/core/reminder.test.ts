import fc from 'fast-check';
import { makeFlag } from '../../src/core/checks/flag';
import {
  DEFAULT_REMINDER_TEMPLATE,
  escapeHtml,
  formatFor,
  longDate,
  renderReminder,
} from '../../src/core/reminder';
import { domainStrategy, strategy } from './checks.fixtures';

const strict = domainStrategy({
  personName: 'Paul <b>Example</b>',
  reasonableAdjustments: [],
  reasons: ['unreasonably-persistent', 'aggressive-or-abusive'],
  reasonNarrative: 'Forty emails in March & threats to "sort it out".',
});
const breach = [
  makeFlag('NOT_SPOC', 'CS-0042', 'spoc', 'x'),
  makeFlag('CONTACT_LIMIT_EXCEEDED', 'CS-0042', 'contactLimit', 'x'),
  makeFlag('WRONG_ADDRESS', 'CS-other', 'designatedAddress', 'another strategy'),
  makeFlag('REVIEW_OVERDUE', 'CS-0042', 'nextReviewDate', 'not a breach'),
];

describe('renderReminder with the default template', () => {
  const draft = renderReminder({ strategy: strict, flags: breach });

  it('restates the restrictions, the reasons and what this email did', () => {
    expect(draft.html).toContain('<li>Send emails only to contact.strategy@force.example.police.uk.</li>');
    expect(draft.html).toContain('Write only to your single point of contact, Sam Handler');
    expect(draft.html).toContain('<li>Contact us no more than once a week.</li>');
    expect(draft.html).toContain('<li>Contact us on Monday, Tuesday, between 09:00 and 12:00.</li>');
    expect(draft.html).toContain(
      '<li>We will not consider requests to reopen matters that have been closed.</li>',
    );
    expect(draft.html).toContain('<li>contact with us has been unreasonably persistent</li>');
    expect(draft.html).toContain('You wrote to other members of staff, not only to Sam Handler.');
    expect(draft.html).toContain('You contacted us more often than the agreed limit.');
    expect(draft.html).toContain('reviewed by 6 April 2025');
  });

  it("lists only this strategy's breaches", () => {
    expect(draft.html).not.toContain('agreed email address');
    expect(draft.html).not.toContain('not a breach');
  });

  it('escapes every value: names and narrative are text, never markup', () => {
    expect(draft.html).toContain('Dear Paul &#60;b&#62;Example&#60;/b&#62;,');
    expect(draft.html).toContain('Forty emails in March &#38; threats to &#34;sort it out&#34;.');
    expect(draft.html).not.toContain('<b>');
  });

  it('drops a paragraph whose value is missing rather than leaving a broken sentence', () => {
    const plain = renderReminder({ strategy: strategy({ nextReviewDate: undefined, spoc: undefined }) });
    expect(plain.html).not.toContain('reviewed by');
    expect(plain.html).not.toContain('single point of contact is');
    expect(plain.html).not.toContain('<ul></ul>');
  });
});

describe('renderReminder with an organisation template', () => {
  it('escapes the template text itself and keeps line breaks', () => {
    const d = renderReminder({
      strategy: strict,
      template: 'Hello {{personName}} <script>alert(1)</script>\nLine two',
    });
    expect(d.html).toBe(
      '<div><p>Hello Paul &#60;b&#62;Example&#60;/b&#62; &#60;script&#62;alert(1)&#60;/script&#62;<br>Line two</p></div>',
    );
  });

  it('reports unknown placeholders and leaves them visible', () => {
    const d = renderReminder({ strategy: strict, template: 'Ref {{caseNumber}} for {{ personName }}' });
    expect(d.unknownPlaceholders).toEqual(['caseNumber']);
    expect(d.html).toContain('{{caseNumber}}');
    expect(d.html).toContain('for Paul');
  });

  it('fills the dates and the handler: the received date is the day in the strategy zone (BST)', () => {
    const d = renderReminder({
      strategy: {
        ...strict,
        startDate: '2025-01-06',
        nextReviewDate: '2025-04-06',
        timeZone: 'Europe/London',
      },
      template:
        'Your email of {{receivedDate}}; since {{startDate}}; review {{nextReviewDate}}.\n{{handlerName}}',
      receivedDateTime: '2025-07-01T23:30:00Z',
      handlerName: 'Alex Handler',
    });
    expect(d.unknownPlaceholders).toEqual([]);
    expect(d.html).toContain('Your email of 2 July 2025; since 6 January 2025; review 6 April 2025.');
    expect(d.html).toContain('Alex Handler');
  });

  it('every placeholder the shipped template uses is one the renderer fills', () => {
    const d = renderReminder({
      strategy: strict,
      flags: breach,
      receivedDateTime: '2025-03-04T10:15:00Z',
      handlerName: 'Alex Handler',
    });
    expect(d.unknownPlaceholders).toEqual([]);
    expect(d.html).not.toContain('{{');
  });

  it('uses the default template when the setting is blank', () => {
    expect(renderReminder({ strategy: strict, template: '  ' }).html).toBe(
      renderReminder({ strategy: strict }).html,
    );
    expect(DEFAULT_REMINDER_TEMPLATE).toContain('{{restrictions}}');
  });

  it('never lets user-supplied values produce markup (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (name, narrative) => {
        const d = renderReminder({ strategy: strategy({ personName: name, reasonNarrative: narrative }) });
        const stripped = d.html.replace(/<\/?(div|p|ul|li|br)( style="[^"]*")?>/g, '');
        expect(stripped).not.toMatch(/[<>]/);
      }),
    );
  });
});

describe('adjustments', () => {
  const withAdj = (...descriptions: string[]) =>
    strategy({ reasonableAdjustments: descriptions.map((description) => ({ description })) });

  it('large print with a size sets that font size', () => {
    expect(renderReminder({ strategy: withAdj('Large print (18pt) replies') }).html).toMatch(
      /^<div style="font-size: 18pt">/,
    );
  });

  it('large print without a size uses 16pt; sizes are clamped', () => {
    expect(formatFor(withAdj('Large print')).fontSizePt).toBe(16);
    expect(formatFor(withAdj('Use 96pt text')).fontSizePt).toBe(48);
  });

  it('sans-serif and line spacing are applied together', () => {
    const f = renderReminder({
      strategy: withAdj('Dyslexia-friendly font', 'Double spacing', 'Large print 14pt'),
    });
    expect(f.html).toMatch(
      /^<div style="font-family: Arial, Verdana, sans-serif; font-size: 14pt; line-height: 2">/,
    );
    expect(f.notes).toEqual([]);
  });

  it('plain English, post and alternative formats become notes for the handler', () => {
    const f = formatFor(withAdj('Plain English', 'Paper copy by post', 'BSL interpreter for meetings'));
    expect(f.notes).toHaveLength(3);
    expect(f.notes[0]).toMatch(/plain English/);
    expect(f.notes[1]).toMatch(/by post/);
    expect(f.notes[2]).toMatch(/alternative format/);
  });

  it('an adjustment it does not recognise is never silently ignored', () => {
    expect(formatFor(withAdj('Calls before noon only')).notes).toEqual([
      'Check this adjustment yourself; it was not applied automatically: Calls before noon only.',
    ]);
  });

  it('no adjustments means no style and no notes', () => {
    const d = renderReminder({ strategy: strategy() });
    expect(d.html.startsWith('<div><p>')).toBe(true);
    expect(d.notes).toEqual([]);
  });
});

describe('helpers', () => {
  it('escapeHtml escapes the five special characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;');
  });
  it('longDate writes a date in words and blanks a bad one', () => {
    expect(longDate('2025-04-06')).toBe('6 April 2025');
    expect(longDate('2025-13-01')).toBe('');
    expect(longDate(undefined)).toBe('');
  });
});

describe('placeholders that name what every object has', () => {
  it.each(['constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'])(
    '{{%s}} is left as written and reported, alone in a paragraph or inside one',
    (name) => {
      const draft = renderReminder({
        strategy: strategy(),
        template: `Dear {{personName}},\n\n{{${name}}}\n\nSee {{${name}}} here.`,
      });
      expect(draft.html).toContain(`{{${name}}}`);
      expect(draft.unknownPlaceholders).toEqual([name]);
    },
  );
});
