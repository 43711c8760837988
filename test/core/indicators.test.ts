import fc from 'fast-check';
import {
  DEFAULT_TERMS,
  INDICATOR_QUESTIONS,
  compileScanner,
  detectReopenDemand,
  scanBody,
  scanIndicators,
  suggestedQuestions,
  termWarnings,
  describeTermWarning,
  type Terms,
} from '../../src/core/indicators';
import { MAX_HITS_PER_LABEL, compileMatcher } from '../../src/core/indicators/matcher';
import { expand } from '../../src/core/indicators/syntax';
import { REOPEN_TERMS } from '../../src/core/terms';
import { INDICATOR_CODES, READ_QUESTIONS, type Indicator, type IndicatorCode } from '../../src/core/types';
import { DEMAND, SECOND_DEMAND, UNRELATED } from './repeat.fixtures';

const codesIn = (text: string): IndicatorCode[] => [...new Set(scanIndicators(text).map((i) => i.code))];
const found = (text: string, code: IndicatorCode): string[] =>
  scanIndicators(text)
    .filter((i) => i.code === code)
    .map((i) => i.text);

function expectWellFormed(text: string, hits: Indicator[]): void {
  let previous = -1;
  for (const h of hits) {
    expect(h.start).toBeGreaterThanOrEqual(0);
    expect(h.end).toBeGreaterThan(h.start);
    expect(h.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(h.start, h.end)).toBe(h.text);
    expect(h.start).toBeGreaterThanOrEqual(previous);
    previous = h.start;
  }
  const keys = hits.map((h) => `${h.code}:${h.start}:${h.end}`);
  expect(new Set(keys).size).toBe(keys.length);
}

describe('what each indicator finds', () => {
  it.each<[IndicatorCode, string, string]>([
    ['SAFEGUARDING', 'Please help, my kids aren’t safe with him.', 'my kids aren’t safe'],
    ['SAFEGUARDING', 'She has been subject to coercive control for years.', 'coercive control'],
    ['SAFEGUARDING', 'My ex-partner hit me again last night.', 'partner hit me'],
    ['SAFEGUARDING', 'The children are being neglected by their father.', 'children are being neglected'],
    ['SAFEGUARDING', 'This is domestic abuse and nobody is listening.', 'domestic abuse'],
    ['SELF_HARM', 'Honestly there is no point going on any more.', 'is no point going on'],
    ['SELF_HARM', 'I have thought about suicide every day this week.', 'suicide'],
    ['SELF_HARM', 'I might as well end it all.', 'end it all'],
    ['SELF_HARM', 'I have started self-harming again.', 'self-harming'],
    ['SELF_HARM', 'I took all my tablets last time.', 'took all my tablets'],
    ['SELF_HARM', "I've had enough of living like this.", 'had enough of living'],
    ['SELF_HARM', "I've got pills saved up.", 'pills saved'],
    ['SAFEGUARDING', 'My ex keeps turning up at my house.', 'keeps turning up at my house'],
    ['THREAT', "You lot will get what's coming to you.", "get what's coming to you"],
    [
      'NEW_ALLEGATION',
      'The detective told the suspect that I had reported him.',
      'detective told the suspect',
    ],
    ['THREAT', 'I know where you live, Sergeant.', 'I know where you live'],
    ['THREAT', 'You will regret this decision.', 'You will regret this'],
    ['THREAT', 'Next time I will bring a knife.', 'knife'],
    ['THREAT', "I'm going to really hurt that officer.", 'going to really hurt that officer'],
    ['NEW_ALLEGATION', 'PC Jones punched me in the cell.', 'PC Jones punched'],
    ['NEW_ALLEGATION', 'I was assaulted by an officer at the station.', 'assaulted by an officer'],
    ['NEW_ALLEGATION', 'The sergeant lied in his statement.', 'sergeant lied'],
    ['NEW_ALLEGATION', 'An officer stole £50 from my wallet.', 'officer stole'],
    ['MANDATORY_REFERRAL', 'My brother died in custody last year.', 'died in custody'],
    ['MANDATORY_REFERRAL', 'The officer broke my arm during the arrest.', 'broke my arm'],
    ['MANDATORY_REFERRAL', 'They say he took a bribe.', 'bribe'],
    ['MANDATORY_REFERRAL', 'That officer took money from me.', 'officer took money'],
    ['MANDATORY_REFERRAL', 'The officer made racist comments to me.', 'officer made racist'],
    ['MANDATORY_REFERRAL', 'The PC sent me messages asking me on a date.', 'PC sent me messages'],
    ['CRIMINAL_MATTER', 'I want to report a crime.', 'report a crime'],
    ['CRIMINAL_MATTER', 'We were burgled on Saturday.', 'burgled'],
    ['CRIMINAL_MATTER', 'My car was stolen from the drive.', 'stolen'],
    ['CRIMINAL_MATTER', 'This is harassment and it has to stop.', 'harassment'],
    ['NEW_COMPLAINT', 'I want to make a complaint about the call handler.', 'want to make a complaint'],
    ['NEW_COMPLAINT', 'It is a new complaint.', 'new complaint'],
    ['NEW_COMPLAINT', 'Please log this as a complaint.', 'log this as a complaint'],
    ['NEW_COMPLAINT', 'I wish to complain about the way I was treated.', 'wish to complain'],
    ['NEW_COMPLAINT', 'I made a formal complaint.', 'formal complaint'],
    ['ABUSIVE_LANGUAGE', 'You are all useless idiots.', 'idiots'],
    ['ABUSIVE_LANGUAGE', 'What a load of bollocks.', 'bollocks'],
  ])('%s: finds it in "%s"', (code, text, expected) => {
    expect(found(text, code)).toContain(expected);
  });
});

describe('offsets point into the original text', () => {
  it('highlights in place after emoji, accents and astral characters', () => {
    const text = '😀😀 Café — 𝒜 note.\r\nThere was no point\r\n   going on.';
    const hit = scanIndicators(text).find((i) => i.code === 'SELF_HARM');
    expect(hit).toBeDefined();
    expect(text.slice(hit?.start, hit?.end)).toBe('no point\r\n   going on');
  });

  it('covers the whole disguised word, marks and invisible characters included', () => {
    const text = 'you absolute f\u0301u\u200Bck\u0308 wit';
    const [hit] = scanIndicators(text).filter((i) => i.code === 'ABUSIVE_LANGUAGE');
    expect(hit?.text).toBe('f\u0301u\u200Bck\u0308');
  });
});

describe('words inside other words are not hits', () => {
  // Ordinary words and place names that contain a listed word.
  const innocent = [
    'Scunthorpe',
    'assessment',
    'therapist',
    'grape',
    'class',
    'analysis',
    'cocktail',
    'Essex',
    'Sussex',
    'Middlesex',
    'Dickens',
    'Penistone',
    'shitake mushrooms',
    'shiitake',
    'Arsenal',
    'fire retardant',
    'passage',
    'bass guitar',
    'Hancock',
    'peacock',
    'Cockburnspath',
    'Dickinson',
    'Pakistan',
    'Pakistani',
    'raccoon',
    'snigger',
    'niggle',
    'Niger',
    'spicy',
    'scrap metal',
    'pricked',
    'prickly',
    'cockpit',
    'titanic',
    'Matlock',
    'Clitheroe',
    'the A55 road',
    'PC1234',
    'Shittington',
    'grassed',
    'embarrassment',
    'harassed the point', // harassment is a crime term, but a real word: must still match below
  ].slice(0, -1);
  it.each(innocent)('"%s" raises no abusive-language hit', (text) => {
    expect(found(`It was ${text} again.`, 'ABUSIVE_LANGUAGE')).toEqual([]);
  });

  it.each([
    'Thank you for your email. I have attached the documents the officer asked for.',
    'The officer was very helpful and explained the process clearly.',
    'I spoke to the call handler on Monday and she said someone would call back.',
    'I am still waiting for the body worn video footage that was promised in March.',
    'The sergeant told me the investigation would take about twelve weeks.',
    'Please could you let me know who is dealing with my case now that PC Brown has left.',
    'The police officers who attended were polite, but nobody took a statement.',
    'I am not going to give up. This will go on until I get justice.',
    "I can't sleep and I'm on antidepressants because of how I was treated.",
    'The officer kept his hand on his taser the whole time, I felt threatened.',
    'He killed it at the hearing yesterday, what a great barrister.',
    'I will be contacting my MP about this.',
    'Can I make an appointment to see the inspector?',
  ])('an ordinary sentence raises no hit: "%s"', (text) => {
    expect(scanIndicators(text)).toEqual([]);
  });

  it('realistic complaint letters raise no abuse, threat or self-harm hits', () => {
    for (const letter of [DEMAND, SECOND_DEMAND, ...UNRELATED.filter((l) => !l.includes('knife'))]) {
      expect(codesIn(letter).filter((c) => ['ABUSIVE_LANGUAGE', 'THREAT', 'SELF_HARM'].includes(c))).toEqual(
        [],
      );
    }
  });
});

describe('disguised spellings of abuse', () => {
  it.each([
    ['separators', 'f.u.c.k off'],
    ['spaces', 'f u c k off'],
    ['hyphens', 'f-u-c-k off'],
    ['stars between letters', 'f*u*c*k off'],
    ['a masked letter', 'f*ck off'],
    ['repeated letters', 'fuuuuuck off'],
    ['capitals', 'FUCK OFF'],
    ['accents', 'fück off'],
    ['Cyrillic look-alikes', 'fu\u0441k off'],
    ['full-width letters', '\uff46\uff55\uff43\uff4b off'],
    ['mathematical letters', '\u{1d41f}\u{1d42e}\u{1d41c}\u{1d424} off'],
    ['a zero-width space', 'fu\u200bck off'],
    ['a soft hyphen', 'fu\u00adck off'],
  ])('found with %s', (_how, text) => {
    expect(found(text, 'ABUSIVE_LANGUAGE')).toHaveLength(1);
  });

  it.each([
    ['digits for letters', 'sh1t'],
    ['symbols for letters', '@$$hole'],
    ['! for i', 'b!tch'],
    ['| for l', 'bu||sh1t'],
    ['digits in a slur-length word', 'b1tch3s'],
  ])('leetspeak: %s', (_how, text) => {
    expect(found(`you ${text}`, 'ABUSIVE_LANGUAGE')).toEqual([text]);
  });

  it('every single-word term in the shipped abuse list is found when spelled out with dots', () => {
    // Terms that are one word or one group of alternatives, e.g. "(a|b|c)".
    const words = DEFAULT_TERMS.ABUSIVE_LANGUAGE.filter((t) => /^\([^()]*\)$|^[^() ]+$/.test(t))
      .flatMap((t) => t.replace(/[()]/g, '').split('|'))
      .map((w) => w.replace(/\*$/, ''))
      .filter((w) => /^[a-z]{3,}$/.test(w));
    expect(words.length).toBeGreaterThan(60);
    const missed = words.filter((w) => found(`you ${[...w].join('.')} you`, 'ABUSIVE_LANGUAGE').length === 0);
    expect(missed.length).toBe(0); // (the count, not the words: the list is not for printing)
  });

  it('joining single letters does not merge ordinary text', () => {
    expect(found('I a m fine, Plan A or B is OK, U.S. visit', 'ABUSIVE_LANGUAGE')).toEqual([]);
    // Two single letters are not a word: "a s" stays two words.
    expect(found('a s', 'ABUSIVE_LANGUAGE')).toEqual([]);
  });
});

describe('obfuscation is handled for the other indicators too', () => {
  it('finds disguised self-harm phrases', () => {
    expect(found('I will k1ll   myself', 'SELF_HARM')).toEqual(['k1ll   myself']);
    expect(found('SUICIDE', 'SELF_HARM')).toEqual(['SUICIDE']);
    expect(found('kiiiiill myself', 'SELF_HARM')).toEqual(['kiiiiill myself']);
    expect(found('I dont want to live', 'SELF_HARM')).toEqual(['dont want to live']);
  });
});

describe('phrases and their boundaries', () => {
  it('multi-word phrases match across any white space and line breaks', () => {
    expect(found('no\tpoint\n going\r\non', 'SELF_HARM')).toEqual(['no\tpoint\n going\r\non']);
  });

  it('but not across a sentence end or other punctuation', () => {
    expect(found('There is no point. Going on like this is pointless.', 'SELF_HARM')).toEqual([]);
    expect(found('no point, going on', 'SELF_HARM')).toEqual([]);
  });

  it('a trailing * lets the last word go on', () => {
    expect(found('the harassment continued; they harassed me', 'CRIMINAL_MATTER')).toEqual([
      'harassment',
      'harassed',
    ]);
  });

  it('proximity works in either order, within the words allowed, inside one sentence', () => {
    expect(codesIn('PC 4321 then assaulted me')).toContain('NEW_ALLEGATION');
    expect(codesIn('I was assaulted, I believe, by the officer')).toContain('NEW_ALLEGATION');
    expect(codesIn('The officer was kind. My neighbour assaulted me.')).not.toContain('NEW_ALLEGATION');
    expect(
      codesIn('The officer said that much later on at home after the match my neighbour assaulted me.'),
    ).not.toContain('NEW_ALLEGATION');
  });

  it('an abbreviation or initial does not end the sentence', () => {
    expect(found('Sgt. Smith assaulted me', 'NEW_ALLEGATION')).toEqual(['Sgt. Smith assaulted']);
    expect(found('Officer J. Smith lied', 'NEW_ALLEGATION')).toEqual(['Officer J. Smith lied']);
  });
});

describe('several indicators on one text', () => {
  it('keeps every code on a shared span, once each, sorted by start', () => {
    const text = 'PC Smith raped me. I want to make a complaint. You f.u.c.k.i.n.g idiots.';
    const hits = scanIndicators(text);
    expectWellFormed(text, hits);
    const onRaped = hits.filter((h) => h.text === 'raped').map((h) => h.code);
    expect(onRaped).toEqual(expect.arrayContaining(['MANDATORY_REFERRAL', 'CRIMINAL_MATTER']));
    expect(hits.map((h) => h.code)).toEqual(
      expect.arrayContaining(['NEW_COMPLAINT', 'ABUSIVE_LANGUAGE', 'MANDATORY_REFERRAL', 'CRIMINAL_MATTER']),
    );
  });

  it('a hit inside a longer hit of the same code is not repeated', () => {
    expect(found('I would like to make a complaint', 'NEW_COMPLAINT')).toEqual(['like to make a complaint']);
  });
});

describe('organisation term lists', () => {
  const codes = (scanner: { scan(t: string): Array<{ code: IndicatorCode }> }, t: string): IndicatorCode[] =>
    scanner.scan(t).map((h) => h.code);

  it('a list for a code adds to the shipped one; other codes keep theirs', () => {
    const scanner = compileScanner({ THREAT: ['petrol can'] });
    expect(codes(scanner, 'He brought a petrol can')).toEqual(['THREAT']);
    expect(codes(scanner, 'I know where you live')).toEqual(['THREAT']);
    expect(codes(scanner, 'no point going on')).toEqual(['SELF_HARM']);
    expect(termWarnings({ THREAT: ['petrol can'] })).toEqual([]);
  });

  it('"@replace" replaces the shipped list, and the supervisor is told how many terms that drops', () => {
    const terms = { THREAT: ['@replace', 'petrol can'] };
    const scanner = compileScanner(terms);
    expect(codes(scanner, 'He brought a petrol can')).toEqual(['THREAT']);
    expect(codes(scanner, 'I know where you live')).toEqual([]);
    expect(codes(scanner, 'no point going on')).toEqual(['SELF_HARM']);
    const warnings = termWarnings(terms);
    expect(warnings).toEqual([
      { kind: 'replaces-shipped', code: 'THREAT', dropped: DEFAULT_TERMS.THREAT.length },
    ]);
    expect(describeTermWarning(warnings[0]!)).toBe(
      `Terms for THREAT replace the shipped list, as "@replace" asks: ${DEFAULT_TERMS.THREAT.length} shipped terms are not looked for.`,
    );
  });

  it('a malformed term in a self-harm list never costs "kill myself"', () => {
    const terms = { SELF_HARM: ['(unbalanced', 'no reason to live anymore'] };
    const text = 'I want to kill myself. No reason to live anymore.';
    expect(scanIndicators(text, terms).map((h) => [h.code, h.text])).toEqual([
      ['SELF_HARM', 'kill myself'],
      ['SELF_HARM', 'No reason to live anymore'],
    ]);
    expect(termWarnings(terms).map(describeTermWarning)).toEqual([
      expect.stringMatching(
        /^Terms for SELF_HARM: "\(unbalanced" .+, so it is not looked for; the other terms still are\.$/u,
      ),
    ]);
  });

  it('a replacement whose every term is unusable keeps the shipped list, and says so', () => {
    const terms = { SELF_HARM: ['@replace', '(unbalanced', 'x'] };
    expect(codes(compileScanner(terms), 'I want to kill myself')).toEqual(['SELF_HARM']);
    expect(termWarnings(terms).map((w) => w.kind)).toEqual([
      'unusable-term',
      'unusable-term',
      'empty-replacement',
    ]);
  });

  it('"@replace" with "@default" keeps the shipped list beside the organisation’s own', () => {
    const terms = { THREAT: ['@Replace ', '@default', 'petrol can'] };
    expect(codes(compileScanner(terms), 'a petrol can. I know where you live')).toEqual(['THREAT', 'THREAT']);
    expect(termWarnings(terms).map((w) => w.kind)).toEqual(['replace-and-default']);
  });

  it('"@default", from lists written when lists replaced, changes nothing', () => {
    const scanner = compileScanner({ THREAT: ['@default', 'petrol can'] });
    expect(codes(scanner, 'a petrol can. I know where you live')).toEqual(['THREAT', 'THREAT']);
    expect(termWarnings({ THREAT: ['@default', 'petrol can'] })).toEqual([]);
  });

  it('unusable terms and unknown markers are each named and left out, and the rest still work', () => {
    const terms = {
      THREAT: ['(unbalanced', 'x', 'burn it ~99 down', 42 as unknown as string, '@replaced', 'torch the van'],
    };
    const warnings = termWarnings(terms);
    expect(warnings.map((w) => (w.kind === 'unusable-term' ? w.term : w.kind))).toEqual([
      '(unbalanced',
      'x',
      'burn it ~99 down',
      '42',
      '@replaced',
    ]);
    expect(describeTermWarning(warnings[4]!)).toMatch(
      /"@replaced" is not a known marker \(@default or @replace\)/u,
    );
    const hits = compileScanner(terms).scan('I will torch the van. I know where you live');
    expect(hits.map((h) => h.text)).toEqual(['torch the van', 'I know where you live']);
  });

  it('a list that is not a list, or an unknown code, is reported and the shipped lists used', () => {
    const terms = { SELF_HARM: 'suicide' as unknown as string[], HARM: ['x y'] } as Terms;
    expect(termWarnings(terms)).toEqual([
      { kind: 'not-a-list', code: 'SELF_HARM' },
      { kind: 'unknown-code', code: 'HARM' },
    ]);
    expect(scanIndicators('no point going on', terms).map((h) => h.code)).toEqual(['SELF_HARM']);
  });

  it('scanIndicators with an organisation object gives what its compiled scanner gives', () => {
    const terms = { NEW_COMPLAINT: ['grievance'] };
    const text = 'This is a grievance and a new complaint';
    expect(scanIndicators(text, terms)).toEqual(compileScanner(terms).scan(text));
    expect(scanIndicators(text, terms).map((h) => h.text)).toEqual(['grievance', 'new complaint']);
  });

  // The organisation's terms are matched by a matcher of their own and merged: the result must be
  // what one matcher over the shipped and the organisation's lists together gives.
  it('merged hits are what one matcher over both lists gives (property)', () => {
    const own = {
      THREAT: ['petrol can', 'burn (it|you) ~3 down', 'you live'],
      SELF_HARM: ['going on', 'end it all', 'kill*'],
      NEW_COMPLAINT: ['complaint'],
    } satisfies Terms;
    const together = compileMatcher<IndicatorCode>(
      INDICATOR_CODES.map(
        (code) => [code, [...DEFAULT_TERMS[code], ...((own as Terms)[code] ?? [])]] as const,
      ),
    );
    const words =
      'I know where you live . no point going on petrol can burn it down kill myself a new complaint , end it all'.split(
        ' ',
      );
    const text = fc.array(fc.constantFrom(...words), { maxLength: 30 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(text, (t) => {
        const expected = together
          .scan(t)
          .map((h) => ({ code: h.label, start: h.start, end: h.end, text: h.text }));
        expect(compileScanner(own).scan(t)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('detectReopenDemand', () => {
  it.each([
    ['Reopen my complaint.', 'Reopen'],
    ['I demand you reopen my complaint.', 'I demand you reopen'],
    ['Please re-open the investigation now', 're-open'],
    ['I want you to review the decision again', 'review the decision again'],
    ['Look at my case again!', 'Look at my case again'],
    ['I demand you revisit this', 'I demand you revisit'],
    ['I do not accept your decision and never will', 'do not accept your decision'],
    ['The complaint must be reinvestigated from scratch', 'reinvestigated'],
  ])('finds a demand in "%s"', (text, expected) => {
    expect(detectReopenDemand(text)?.text).toBe(expected);
  });

  it('gives the place of the demand in the text', () => {
    const text = 'Dear PSD,\n\nPlease reopen it.';
    const d = detectReopenDemand(text);
    expect(d && text.slice(d.start, d.end)).toBe('reopen');
  });

  it.each([
    'Thank you for your letter, I accept the outcome.',
    'I have a new complaint about a different officer.',
    'Please send me a copy of the decision letter.',
    '',
  ])('finds none in "%s"', (text) => {
    expect(detectReopenDemand(text)).toBeNull();
  });

  // It reads the shipped matcher (reopen terms beside the reading aids) instead of compiling the
  // reopen terms alone: the first demand must be the one those alone find, whatever reading-aid
  // phrases overlap or surround it.
  it('finds what a matcher of the reopen terms alone finds, among reading-aid phrases', () => {
    const alone = compileMatcher([['REOPEN', REOPEN_TERMS]] as const);
    const phrasesOf = (terms: readonly string[]) =>
      terms.flatMap((t) => {
        const e = expand(t.replace(/\*$/u, ''));
        return typeof e === 'string' ? [] : e.slice(0, 1);
      });
    const piece = fc.oneof(
      fc.constantFrom(...phrasesOf(REOPEN_TERMS)),
      fc.constantFrom(...INDICATOR_CODES.flatMap((code) => phrasesOf(DEFAULT_TERMS[code]))),
      fc.constantFrom('again', 'review', 'my', 'the decision', 'Please', '. ', ', ', '\n\n'),
    );
    const text = fc.array(piece, { maxLength: 30 }).map((p) => p.join(' '));
    fc.assert(
      fc.property(text, (t) => {
        const first = alone.scan(t)[0];
        expect(detectReopenDemand(t)).toEqual(
          first ? { start: first.start, end: first.end, text: first.text } : null,
        );
      }),
      { numRuns: 500 },
    );
  });
});

describe('suggestedQuestions', () => {
  it('points each question at the indicators that bear on it', () => {
    const hits = scanIndicators('PC Smith punched me. I know where you live. No point going on, you idiots.');
    const s = suggestedQuestions(hits);
    expect(s.newComplaintOrAllegation).toEqual(['NEW_ALLEGATION']);
    expect(s.safeguardingOrRisk).toEqual(['SELF_HARM', 'THREAT']);
    expect(s.criminalMatter).toEqual(['THREAT']);
    expect(s.otherAction).toEqual(['ABUSIVE_LANGUAGE']);
  });

  it('has every question, empty when nothing bears on it', () => {
    expect(suggestedQuestions([])).toEqual({
      newComplaintOrAllegation: [],
      criminalMatter: [],
      safeguardingOrRisk: [],
      otherAction: [],
    });
  });

  it('maps every code to at least one real question, and the three must-reads are covered', () => {
    for (const code of INDICATOR_CODES) {
      expect(INDICATOR_QUESTIONS[code].length).toBeGreaterThan(0);
      for (const q of INDICATOR_QUESTIONS[code]) expect(READ_QUESTIONS).toContain(q);
    }
    expect(INDICATOR_QUESTIONS.MANDATORY_REFERRAL).toContain('newComplaintOrAllegation');
  });
});

describe('never throws', () => {
  it('handles the empty string, lone surrogates and control characters', () => {
    for (const text of ['', '\ud800', '\udc00fuck', 'a\u0000b', '\u202e\u2066', '\uffff'.repeat(10)]) {
      expectWellFormed(text, scanIndicators(text));
    }
  });

  it('reports at most the first 1,000 hits of a code, however many there are', () => {
    const hits = scanIndicators('you idiot. '.repeat(5000) + 'no point going on');
    expect(hits.filter((h) => h.code === 'ABUSIVE_LANGUAGE')).toHaveLength(MAX_HITS_PER_LABEL);
    expect(hits.filter((h) => h.code === 'ABUSIVE_LANGUAGE').at(-1)?.start).toBe(999 * 11 + 4);
    expect(hits.filter((h) => h.code === 'SELF_HARM')).toHaveLength(1);
  });

  it('handles a 5 MB body', () => {
    const body =
      'the officer said I would need to wait for the outcome. '.repeat(92_000) + 'No point going on.';
    expect(body.length).toBeGreaterThan(5_000_000);
    const hits = scanIndicators(body);
    expect(hits.map((h) => h.code)).toEqual(['SELF_HARM']);
  });
});

describe('properties', () => {
  const anyText = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 500 }),
    fc.string({
      unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
      maxLength: 500,
    }),
    fc.string({ unit: fc.constantFrom(...'fuck shit .-*|!1@$ \n\u0301\u200b'.split('')), maxLength: 200 }),
  );

  it('every hit lies in the text and its text is the slice there', () => {
    fc.assert(
      fc.property(anyText, (text) => expectWellFormed(text, scanIndicators(text))),
      { numRuns: 300 },
    );
  });

  it('handles big strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 20_000, maxLength: 60_000 }), (text) =>
        expectWellFormed(text, scanIndicators(text)),
      ),
      { numRuns: 5 },
    );
  });

  const safe = fc.constantFrom(
    ...'the a report station letter yesterday Monday office and of to was please reply'.split(' '),
  );
  const cases: Array<[IndicatorCode, string]> = [
    ['SELF_HARM', 'no point going on'],
    ['THREAT', 'I know where you live'],
    ['CRIMINAL_MATTER', 'burgled'],
    ['NEW_COMPLAINT', 'new complaint'],
    ['MANDATORY_REFERRAL', 'died in custody'],
    ['SAFEGUARDING', 'coercive control'],
    ['ABUSIVE_LANGUAGE', 'tw4t'],
  ];
  it('a term set in any safe surrounding text is found where it was put', () => {
    fc.assert(
      fc.property(
        fc.array(safe, { maxLength: 20 }),
        fc.array(safe, { maxLength: 20 }),
        fc.constantFrom(...cases),
        fc.constantFrom(' ', '\n', '  ', '\r\n', ' (', ' "'),
        ([...before], [...after], [code, term], gap) => {
          const prefix = before.join(' ') + gap;
          const text = `${prefix}${term}${gap.trim() ? ')' : ' '}${after.join(' ')}`;
          const hits = scanIndicators(text).filter((h) => h.code === code);
          expect(hits).toContainEqual({
            code,
            start: prefix.length,
            end: prefix.length + term.length,
            text: term,
          });
        },
      ),
    );
  });
});

describe('the short-cuts for plain words', () => {
  // Phrases from the shipped lists (every alternative of a few terms of each code, proximity
  // sides apart, a trailing * given an ending), so that the text has hits, near misses and
  // phrases cut by punctuation; with fillers, disguises and characters that stop the short-cuts.
  const phrases = Object.values(DEFAULT_TERMS).flatMap((terms) =>
    terms.flatMap((term) =>
      term.split(/\s*~\d+\s*/u).flatMap((side) => {
        const expanded = expand(side);
        return typeof expanded === 'string' ? [] : expanded.slice(0, 3).map((p) => p.replace(/\*$/u, 'ing'));
      }),
    ),
  );
  const word = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...phrases) },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        ...'the police officer said I a my home was on Sgt. Mr. PC1234 CO/1/24 no. you kill myself'.split(
          ' ',
        ),
      ),
    },
    fc.constantFrom('f.u.c.k', 'sh1t', '@$$hole', 'k i l l', 'fuuuck', 'don’t', "won't", 'Ｐolice', 'pоlice'),
    fc.constantFrom('caf\u00e9', 'cafe\u0301', 'zero\u200bwidth', '\u{1F600}', "'quoted'", '-dash-', 'x'),
  );
  const gap = fc.constantFrom(
    ' ',
    ' ',
    ' ',
    ' ',
    '  ',
    '\n',
    '\n\n',
    '. ',
    ', ',
    '! ',
    '? ',
    ' - ',
    '\t',
    '',
    '.',
  );
  const text = fc.array(fc.tuple(word, gap), { maxLength: 60 }).map((parts) => parts.flat().join(''));
  const lists = INDICATOR_CODES.map((code) => [code, DEFAULT_TERMS[code]] as const);
  const fast = compileMatcher([...lists, ['REOPEN', REOPEN_TERMS] as const]);
  const plain = compileMatcher([...lists, ['REOPEN', REOPEN_TERMS] as const], { fastPaths: false });

  it('find exactly what reading every symbol finds', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(fast.scan(t)).toEqual(plain.scan(t));
      }),
      { numRuns: 400 },
    );
  });

  // Proximity rules see sentence ends, so the separator a gap makes matters: words of the
  // allegation rule with abbreviations, initials and every short gap between them.
  const near = fc
    .array(
      fc.tuple(
        fc.constantFrom(
          'officer',
          'PC',
          'sergeant',
          'police',
          'lied',
          'assaulted',
          'stole',
          'Mr',
          'Sgt',
          'no',
          'etc',
          'said',
          'then',
          'a',
          'x',
          'Smith',
        ),
        fc.constantFrom(' ', '. ', '.', '? ', '?', ', ', ',', '; ', ': ', ' (', ') ', '.\n'),
      ),
      { maxLength: 30 },
    )
    .map((parts) => parts.flat().join(''));

  it('make the separators the tokeniser makes of every short gap', () => {
    fc.assert(
      fc.property(near, (t) => {
        expect(fast.scan(t)).toEqual(plain.scan(t));
      }),
      { numRuns: 1000 },
    );
  });

  it('find exactly what reading every symbol finds in long generated letters', () => {
    const letters = [DEMAND, SECOND_DEMAND, ...UNRELATED].join('\n\n');
    const sample = fc.sample(text, { numRuns: 50, seed: 7 }).join(' ');
    for (const t of [letters, sample, letters.toUpperCase()]) expect(fast.scan(t)).toEqual(plain.scan(t));
  });
});

describe('scanBody: reading aids and the reopen check in one pass', () => {
  const piece = fc.constantFrom(
    ...REOPEN_TERMS.slice(0, 40).flatMap((t) => {
      const e = expand(t.replace(/\*$/u, ''));
      return typeof e === 'string' ? [] : e.slice(0, 2);
    }),
    'I demand you reopen my complaint',
    'kill myself',
    'the officer lied',
    'Please',
    'review',
    'again',
    'decision',
    '. ',
    ', ',
    ' ',
    '\n\n',
  );
  const text = fc.array(piece, { maxLength: 40 }).map((p) => p.join(' '));
  const ownTerms = {
    THREAT: ['@default', 'reopen my complaint'],
    ABUSIVE_LANGUAGE: ['review (the|my) decision'],
  };

  it('gives what scanIndicators and detectReopenDemand give, with shipped and organisation lists', () => {
    fc.assert(
      fc.property(text, fc.boolean(), (t, own) => {
        const terms = own ? ownTerms : undefined;
        expect(scanBody(t, terms)).toEqual({
          indicators: scanIndicators(t, terms),
          reopen: detectReopenDemand(t),
        });
      }),
      { numRuns: 300 },
    );
  });

  it('finds a demand to reopen even when no reading aid is found', () => {
    const t = 'I want you to review the decision again.';
    expect(scanBody(t)).toEqual({ indicators: [], reopen: detectReopenDemand(t) });
    expect(scanBody(t).reopen?.text).toBe('review the decision again');
  });
});
