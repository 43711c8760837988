import fc from 'fast-check';
import { defaultConfig, parseConfig } from '../../src/core/parse';
import { DEFAULT_SETTINGS, settingsFromRows } from '../../src/graph/settings';

const row = (itemId: string, Title: string, Value: unknown) => ({ itemId, fields: { Title, Value } });

describe('settingsFromRows', () => {
  it('gives a complete configuration from an empty list, with CST-prefixed categories', () => {
    const { settings, rejected } = settingsFromRows([]);
    expect(rejected).toEqual([]);
    expect(settings.rbnrFolder).toBe('Contact strategy - read not respond');
    expect(settings.spocRotationMonths).toBe(12);
    expect(Object.values(settings.categories).every((c) => c.startsWith('CST: '))).toBe(true);
    expect(settings.reminderTemplate).toContain('{{restrictions}}');
  });

  it('reads JSON values, and plain text where an administrator left out the quotes', () => {
    const { settings, rejected } = settingsFromRows([
      row('1', 'staffDomains', '["Force.Example.Police.UK", "opcc.example.org"]'),
      row('2', 'timeZone', 'Europe/London'),
      row('3', 'spocRotationMonths', '6'),
      row('4', 'escalationMailbox', 'Safeguarding@Force.Example.Police.UK'),
      row('5', 'categories', '{"escalate": "CST: Urgent"}'),
      row('6', 'terms', '{"SELF_HARM": ["end it all"]}'),
      row('7', 'supervisors', 'sam.supervisor@force.example.police.uk\nann.other@force.example.police.uk'),
      row('8', 'immediateRiskInstruction', ' Call the control room on 01632 960000. '),
    ]);
    expect(rejected).toEqual([]);
    expect(settings.staffDomains).toEqual(['force.example.police.uk', 'opcc.example.org']);
    expect(settings.timeZone).toBe('Europe/London');
    expect(settings.spocRotationMonths).toBe(6);
    expect(settings.escalationMailbox).toBe('safeguarding@force.example.police.uk');
    expect(settings.categories.escalate).toBe('CST: Urgent');
    expect(settings.categories.breach).toBe(DEFAULT_SETTINGS.categories.breach);
    expect(settings.terms).toEqual({ SELF_HARM: ['end it all'] });
    expect(settings.supervisors).toHaveLength(2);
    expect(settings.immediateRiskInstruction).toBe('Call the control room on 01632 960000.');
  });

  it('keeps the default and reports the row when a value is wrong, unknown or repeated', () => {
    const { settings, rejected } = settingsFromRows([
      row('1', 'spocRotationMonths', '-3'),
      row('2', 'timeZone', 'Mars/Olympus'),
      row('3', 'colour', '"blue"'),
      row('4', 'terms', '{"NOT_A_CODE": ["x"]}'),
      row('5', 'rbnrFolder', '"Filed"'),
      row('6', 'rbnrFolder', '"Other"'),
    ]);
    expect(settings.spocRotationMonths).toBe(12);
    expect(settings.timeZone).toBe('Europe/London');
    expect(settings.rbnrFolder).toBe('Filed');
    expect(rejected.map((r) => r.itemId)).toEqual(['1', '2', '3', '4', '6']);
    // The words are core's (the same rule as the command line's config.json).
    expect(rejected[0]?.message).toMatch(/spocRotationMonths.*whole number from 1 to.*default/);
    expect(rejected[1]?.message).toMatch(/Mars\/Olympus/);
    expect(rejected[2]?.message).toMatch(/not a known setting/);
    expect(rejected[3]?.message).toMatch(/NOT_A_CODE/);
  });

  it('an empty immediate-risk instruction is reported and leaves the general one in place', () => {
    const { settings, rejected } = settingsFromRows([row('1', 'immediateRiskInstruction', '"   "')]);
    expect(settings.immediateRiskInstruction).toBeUndefined();
    expect(rejected.map((r) => r.message)).toEqual([
      expect.stringMatching(/immediateRiskInstruction.*expected text; the default is used/),
    ]);
  });
});

describe('one settings parser for the pane and the command line', () => {
  const fromList = (value: unknown) => settingsFromRows([row('1', 'staffDomains', JSON.stringify(value))]);
  const fromCli = (value: unknown) => parseConfig({ staffDomains: value });

  it('a staff domain written "@force.police.uk" means the same on both paths', () => {
    const list = fromList(['@Force.Example.Police.UK', 'opcc.example.org']);
    const cli = fromCli(['@Force.Example.Police.UK', 'opcc.example.org']);
    expect(list.rejected).toEqual([]);
    expect(list.settings.staffDomains).toEqual(['force.example.police.uk', 'opcc.example.org']);
    expect(cli.ok && cli.value.staffDomains).toEqual(list.settings.staffDomains);
    // Typed as lines in the list cell, without JSON: the same again.
    const typed = settingsFromRows([row('2', 'staffDomains', '@Force.Example.Police.UK\nopcc.example.org')]);
    expect(typed.settings.staffDomains).toEqual(list.settings.staffDomains);
  });

  it('for any list of domains, the pane keeps what the command line keeps and rejects what it rejects', () => {
    const label = fc.stringMatching(/^[A-Za-z0-9]([A-Za-z0-9-]{0,8}[A-Za-z0-9])?$/);
    const domain = fc
      .tuple(
        fc.constantFrom('', '@', ' @'),
        fc.array(label, { minLength: 1, maxLength: 3 }),
        fc.constantFrom('org', 'uk', 'example'),
      )
      .map(([at, labels, tld]) => `${at}${[...labels, tld].join('.')}`);
    fc.assert(
      fc.property(fc.array(fc.oneof(domain, fc.string({ maxLength: 12 })), { maxLength: 4 }), (domains) => {
        const list = fromList(domains);
        const cli = fromCli(domains);
        if (cli.ok) {
          expect(list.rejected).toEqual([]);
          expect(list.settings.staffDomains).toEqual(cli.value.staffDomains);
        } else {
          expect(list.rejected).toHaveLength(1);
          expect(list.settings.staffDomains).toEqual(DEFAULT_SETTINGS.staffDomains);
        }
      }),
    );
  });

  it("the organisation's defaults are core's: an empty list gives what an empty config.json gives", () => {
    const { settings } = settingsFromRows([]);
    const d = defaultConfig();
    expect({
      staffDomains: settings.staffDomains,
      teams: settings.teams,
      spocRotationMonths: settings.spocRotationMonths,
      reviewMaxDays: settings.reviewMaxDays,
      timeZone: settings.timeZone,
    }).toEqual(d);
  });

  it('reads the repeat fingerprint secret, and refuses a short one without repeating it', () => {
    const secret = 'organisation secret 3b8e0c6a1f4d7e9b';
    expect(settingsFromRows([row('1', 'repeatKey', `  ${secret} `)])).toEqual({
      settings: { ...DEFAULT_SETTINGS, repeatKey: secret },
      rejected: [],
    });
    expect(DEFAULT_SETTINGS.repeatKey).toBeUndefined();
    const { settings, rejected } = settingsFromRows([row('2', 'repeatKey', 'hunter2')]);
    expect(settings.repeatKey).toBeUndefined();
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.message).toMatch(/"repeatKey" \(list item 2\): a secret of at least 16 characters/);
    expect(rejected[0]?.message).not.toContain('hunter2');
  });
});
