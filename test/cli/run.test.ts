import { run, type Io } from '../../src/cli/triage';

describe('run', () => {
  function io(files: Record<string, string>, clock: () => Date) {
    const out: string[] = [];
    const err: string[] = [];
    const fake: Io = {
      stdout: (t) => out.push(t),
      stderr: (t) => err.push(t),
      readText: (path) => {
        const text = files[path];
        if (text === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
        return text;
      },
      writeText: (path, text) => {
        files[path] = text;
      },
      clock,
    };
    return { fake, out, err };
  }
  const files = {
    's.json': '[]',
    'm.json': JSON.stringify({
      internetMessageId: '<1@example.com>',
      receivedDateTime: '2025-03-04T10:15:00Z',
      from: { address: 'someone@example.com' },
      body: 'hello',
    }),
  };

  it('reads the clock only when --now is left out', () => {
    const clock = jest.fn(() => new Date('2025-03-05T00:00:00Z'));
    const { fake, out } = io(files, clock);
    expect(
      run(
        ['evaluate', '--strategies', 's.json', '--message', 'm.json', '--now', '2025-03-05T00:00:00Z'],
        fake,
      ),
    ).toBe(0);
    expect(clock).not.toHaveBeenCalled();
    expect(run(['evaluate', '--strategies', 's.json', '--message', 'm.json'], fake)).toBe(0);
    expect(clock).toHaveBeenCalledTimes(1);
    expect(JSON.parse(out[0] ?? '')).toEqual(JSON.parse(out[1] ?? ''));
  });

  it('turns a fault in the checks into one line and exit status 1, never a stack trace', () => {
    const { fake, out, err } = io(files, () => new Date(Number.NaN));
    expect(run(['evaluate', '--strategies', 's.json', '--message', 'm.json'], fake)).toBe(1);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^triage: internal error: [^\n]+\n$/u);
  });
});
