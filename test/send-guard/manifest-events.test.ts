import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkManifest } from '../../scripts/check-manifest';
import { HANDLER_NAME } from '../../src/send-guard/names';

const ROOT = join(__dirname, '..', '..');
const MANIFEST = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');

function problemsOf(xml: string): string[] {
  return checkManifest(xml, { rootDir: ROOT, requiredMailbox: '1.8' }).map((p) => `${p.where}: ${p.message}`);
}

/** Replaces exactly one occurrence, so a mutation that silently does nothing fails the test. */
function mutate(xml: string, from: string, to: string): string {
  if (xml.split(from).length !== 2) throw new Error(`mutation target not found once: ${from}`);
  return xml.replace(from, to);
}

describe('the send guard in the manifest', () => {
  it('declares OnMessageSend once, soft block, on the handler the bundle associates', () => {
    const events = [
      ...MANIFEST.matchAll(/<LaunchEvent Type="(\w+)" FunctionName="(\w+)" SendMode="(\w+)"\/>/g),
    ];
    expect(events.map((m) => [m[1], m[2], m[3]])).toEqual([['OnMessageSend', HANDLER_NAME, 'SoftBlock']]);
  });

  it('gives the web, new Outlook and Mac the HTML page and classic Windows the script', () => {
    expect(MANIFEST).toContain(
      '<bt:Url id="SendGuard.Url" DefaultValue="https://localhost:3000/send-guard.html"/>',
    );
    expect(MANIFEST).toContain(
      '<bt:Url id="SendGuard.Js.Url" DefaultValue="https://localhost:3000/send-guard.js"/>',
    );
    expect(problemsOf(MANIFEST)).toEqual([]);
  });
});

describe('the offline check knows the event elements', () => {
  const cases: Array<[string, string, string, RegExp]> = [
    [
      'an unknown event',
      'Type="OnMessageSend"',
      'Type="OnMessageSent"',
      /unknown launch event Type "OnMessageSent"/,
    ],
    ['an unknown send mode', 'SendMode="SoftBlock"', 'SendMode="HardBlock"', /SendMode must be one of/],
    [
      'a handler name that is not a function name',
      'FunctionName="onMessageSendHandler"',
      'FunctionName="on send"',
      /FunctionName/,
    ],
    [
      'a source that names no runtime',
      '<SourceLocation resid="SendGuard.Url"/>',
      '<SourceLocation resid="Taskpane.Url"/>',
      /must name a Runtime in Host\/Runtimes/,
    ],
    [
      'no script for classic Outlook on Windows',
      '<Override type="javascript" resid="SendGuard.Js.Url"/>',
      '',
      /needs <Override type="javascript">/,
    ],
    [
      'a script that is not a .js file',
      'DefaultValue="https://localhost:3000/send-guard.js"',
      'DefaultValue="https://localhost:3000/send-guard.html"',
      /must be a \.js file/,
    ],
    [
      'an event declared twice',
      '<LaunchEvent Type="OnMessageSend" FunctionName="onMessageSendHandler" SendMode="SoftBlock"/>',
      '<LaunchEvent Type="OnMessageSend" FunctionName="onMessageSendHandler" SendMode="SoftBlock"/><LaunchEvent Type="OnMessageSend" FunctionName="onMessageSendHandler"/>',
      /declared more than once/,
    ],
  ];

  it.each(cases)('reports %s', (_name, from, to, expected) => {
    const problems = problemsOf(mutate(MANIFEST, from, to));
    expect(problems.some((p) => expected.test(p))).toBe(true);
  });

  it('reports a send mode on an event that is not a send', () => {
    const xml = mutate(
      MANIFEST,
      '<LaunchEvent Type="OnMessageSend" FunctionName="onMessageSendHandler" SendMode="SoftBlock"/>',
      '<LaunchEvent Type="OnNewMessageCompose" FunctionName="onMessageSendHandler" SendMode="SoftBlock"/>',
    );
    expect(problemsOf(xml).join('\n')).toMatch(/SendMode only applies to OnMessageSend/);
  });
});
