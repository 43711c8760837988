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
    expect(rejected[0]?.message).toMatch(/spocRotationMonths.*positive number.*default/);
    expect(rejected[1]?.message).toMatch(/Mars\/Olympus/);
    expect(rejected[2]?.message).toMatch(/not a known setting/);
    expect(rejected[3]?.message).toMatch(/NOT_A_CODE/);
  });
});
