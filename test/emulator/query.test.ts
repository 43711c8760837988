// List-item queries over HTTPS: paging, absolute links, empty pages, filter operators, the
// escaping matrix, the index rule and the list-view threshold.
import { startEmulator } from '../../emulator';
import { nonIndexedMessage } from '../../emulator/sharepoint/items';
import type { EmulatorSeed, RunningEmulator } from '../../emulator/types';
import { HOST, SITE_PATH, SUPERVISOR, call, clientFor } from './helpers';

const MATRIX = ["O'Brien", 'A&B', '#1', 'a+b@x.org', 'Zoë', '李'];

function seed(extra = 0): EmulatorSeed {
  const people = [
    ...MATRIX.map((name, i) => ({
      Title: `P${i + 1}`,
      Name: name,
      Age: 20 + i,
      Active: i % 2 === 0,
      Joined: `2025-01-0${i + 1}T09:00:00Z`,
      Email: `p${i + 1}@example.com`,
    })),
    ...Array.from({ length: 6 + extra }, (_, i) => ({
      Title: `Q${i + 1}`,
      Name: `Person ${i + 1}`,
      Age: 40 + i,
      Active: true,
      Joined: '2025-02-01T09:00:00Z',
      Email: `q${i + 1}@example.org`,
    })),
  ];
  return {
    users: [{ upn: SUPERVISOR, supervisor: true }],
    sites: [
      {
        hostname: HOST,
        path: SITE_PATH,
        lists: [
          {
            displayName: 'People',
            columns: [
              { name: 'Title', text: {}, indexed: true },
              { name: 'Name', text: {}, indexed: true },
              { name: 'Age', number: {}, indexed: true },
              { name: 'Active', boolean: {}, indexed: true },
              { name: 'Joined', dateTime: {}, indexed: true },
              { name: 'Email', text: {} },
            ],
            items: people.map((fields) => ({ fields })),
          },
        ],
      },
    ],
  };
}

let emu: RunningEmulator;
let sup: ReturnType<typeof clientFor>;
let base: string;

beforeAll(async () => {
  emu = await startEmulator({ seed: seed(), pageCap: 5, listViewThreshold: 10 });
  sup = clientFor(emu, SUPERVISOR);
  base = `/sites/${emu.store.siteId(HOST, SITE_PATH)}/lists/People/items`;
});
afterAll(() => emu.close());

const titles = (r: { json: { value: { fields: { Title: string } }[] } }): string[] =>
  r.json.value.map((i) => i.fields.Title);

async function all(first: string): Promise<{ titles: string[]; pages: number; links: string[] }> {
  const out: string[] = [];
  const links: string[] = [];
  let url: string | undefined = first;
  let pages = 0;
  while (url) {
    const r = await sup(url);
    expect(r.status).toBe(200);
    out.push(...titles(r));
    pages += 1;
    url = r.json['@odata.nextLink'];
    if (url) links.push(url);
  }
  return { titles: out, pages, links };
}

describe('paging', () => {
  it('caps $top, gives absolute nextLinks on the same host that keep the query, and ends without one', async () => {
    const first = await sup(`${base}?$expand=fields(select=Title)&$top=100`);
    expect(first.json.value).toHaveLength(5);
    const link: string = first.json['@odata.nextLink'];
    expect(link.startsWith(`${emu.url}/v1.0/sites/`)).toBe(true);
    expect(link).toContain('$expand=fields(select=Title)');
    expect(link).toContain('$skiptoken=');
    const everything = await all(`${base}?$expand=fields(select=Title)&$top=100`);
    expect(everything.pages).toBe(3);
    expect(new Set(everything.titles).size).toBe(12);
  });

  it('links back to the host name the client used (localhost)', async () => {
    const r = await call(`https://localhost:${emu.port}`, emu.ca, `/v1.0${base}?$top=2`, {
      headers: { Authorization: `Bearer dev:${SUPERVISOR}` },
    });
    expect(r.json['@odata.nextLink'].startsWith(`https://localhost:${emu.port}/v1.0/`)).toBe(true);
  });

  it('pages a filtered query and honours a smaller $top', async () => {
    const r = await all(`${base}?$expand=fields&$filter=fields/Active eq true&$top=2`);
    expect(r.titles).toEqual(['P1', 'P3', 'P5', 'Q1', 'Q2', 'Q3', 'Q4', 'Q5', 'Q6']);
    expect(r.pages).toBe(5);
  });

  it('serves an empty page that still carries a nextLink to the same place', async () => {
    emu.faults.add({ kind: 'emptyPage', count: 1 });
    const first = await sup(`${base}?$expand=fields&$top=3`);
    expect(first.json.value).toEqual([]);
    expect(first.json['@odata.nextLink']).toBeDefined();
    const second = await sup(first.json['@odata.nextLink']);
    expect(titles(second)).toEqual(['P1', 'P2', 'P3']);
    expect(emu.store.requestLog().some((e) => e.fault === 'emptyPage')).toBe(true);
  });

  it('keeps pages stable when an item is added mid-way (skip tokens hold the last id)', async () => {
    const first = await sup(`${base}?$expand=fields&$top=5`);
    await sup(base, { method: 'POST', body: { fields: { Title: 'Z-new', Name: 'Late' } } });
    const rest = await all(first.json['@odata.nextLink']);
    expect([...titles(first), ...rest.titles]).toHaveLength(13);
    const del = emu.store
      .listItems(emu.store.siteId(HOST, SITE_PATH) as string, 'People')
      .find((i) => i.fields.Title === 'Z-new');
    expect((await sup(`${base}/${del?.id}`, { method: 'DELETE' })).status).toBe(204);
  });

  it('orders by a field, descending, across pages', async () => {
    const r = await all(`${base}?$expand=fields&$orderby=fields/Age desc&$top=4`);
    expect(r.titles.slice(0, 3)).toEqual(['Q6', 'Q5', 'Q4']);
    expect(r.titles).toHaveLength(12);
  });

  it('rejects a bad $top or $skiptoken with 400', async () => {
    expect((await sup(`${base}?$top=abc`)).status).toBe(400);
    expect((await sup(`${base}?$skiptoken=garbage`)).status).toBe(400);
  });
});

describe('filter operators', () => {
  const q = async (filter: string): Promise<string[]> =>
    (await all(`${base}?$expand=fields&$filter=${encodeURIComponent(filter)}`)).titles;

  it('compares numbers with eq ne lt gt le ge', async () => {
    expect(await q('fields/Age eq 21')).toEqual(['P2']);
    expect(await q('fields/Age lt 22')).toEqual(['P1', 'P2']);
    expect(await q('fields/Age le 22')).toEqual(['P1', 'P2', 'P3']);
    expect(await q('fields/Age gt 44')).toEqual(['Q6']);
    expect(await q('fields/Age ge 44 and fields/Age ne 45')).toEqual(['Q5']);
  });

  it('compares booleans and date-times (quoted or bare), with or and parentheses', async () => {
    expect(await q('fields/Active eq false')).toEqual(['P2', 'P4', 'P6']);
    expect(await q("fields/Joined lt '2025-01-03T00:00:00Z'")).toEqual(['P1', 'P2']);
    expect(await q('fields/Joined lt 2025-01-03T00:00:00Z')).toEqual(['P1', 'P2']);
    // One column per filter: this list is above its view threshold (strict.test.ts has the rule).
    expect(await q('(fields/Age eq 20 or fields/Age eq 45) and fields/Age ne 45')).toEqual(['P1']);
  });

  it('supports startswith and refuses a syntax error with 400 invalidRequest', async () => {
    expect(await q("startswith(fields/Title,'P')")).toHaveLength(6);
    const r = await sup(`${base}?$filter=${encodeURIComponent("fields/Age eq '1")}`);
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('invalidRequest');
  });

  it('refuses a filter on anything but fields/<name>', async () => {
    expect((await sup(`${base}?$filter=${encodeURIComponent("id eq '1'")}`)).status).toBe(400);
  });
});

describe('escaping matrix', () => {
  it.each(MATRIX.map((v, i) => [v, `P${i + 1}`]))(
    'finds %j when the value is quoted and percent-encoded',
    async (value, title) => {
      const filter = `fields/Name eq '${value.replace(/'/g, "''")}'`;
      const r = await sup(`${base}?$expand=fields&$filter=${encodeURIComponent(filter)}`);
      expect(r.status).toBe(200);
      expect(titles(r)).toEqual([title]);
      expect(r.json.value[0].fields.Name).toBe(value);
    },
  );

  it('splits a raw & (400), reads a raw + as a space (no match), and loses everything after a raw #', async () => {
    const amp = await sup(`${base}?$filter=fields/Name eq 'A&B'`);
    expect(amp.status).toBe(400);
    const plus = await sup(`${base}?$expand=fields&$filter=fields/Name eq 'a+b@x.org'`);
    expect(plus.status).toBe(200);
    expect(plus.json.value).toEqual([]);
    const hash = await sup(`${base}?$filter=fields/Name eq '#1'`);
    expect(hash.status).toBe(400);
  });

  it('does not match an unescaped single quote', async () => {
    const r = await sup(`${base}?$filter=${encodeURIComponent("fields/Name eq 'O'Brien'")}`);
    expect(r.status).toBe(400);
  });
});

describe('index rule and list-view threshold', () => {
  it('refuses a non-indexed filter without Prefer, with SharePoint’s exact message', async () => {
    const r = await sup(`${base}?$filter=${encodeURIComponent("fields/Email eq 'p1@example.com'")}`);
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('invalidRequest');
    expect(r.json.error.message).toBe(
      "Field 'Email' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.",
    );
    expect(nonIndexedMessage('Email')).toBe(r.json.error.message);
  });

  it('fails a Prefer’d non-indexed filter on a list over the threshold with 503', async () => {
    const r = await sup(`${base}?$filter=${encodeURIComponent("fields/Email eq 'p1@example.com'")}`, {
      headers: { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' },
    });
    expect(r.status).toBe(503);
    expect((await sup(`${base}?$filter=fields/Age eq 20`)).status).toBe(200);
  });

  it('runs it below the threshold, and fails with 429 when configured so', async () => {
    const small = await startEmulator({ seed: seed(), listViewThreshold: 50, thresholdStatus: 429 });
    const big = await startEmulator({ seed: seed(), listViewThreshold: 5, thresholdStatus: 429 });
    try {
      const path = `${base}?$expand=fields&$filter=${encodeURIComponent("fields/Email eq 'p1@example.com'")}`;
      const headers = { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' };
      const ok = await clientFor(small, SUPERVISOR)(path, { headers });
      expect(ok.status).toBe(200);
      expect(titles(ok)).toEqual(['P1']);
      const no = await clientFor(big, SUPERVISOR)(path, { headers });
      expect(no.status).toBe(429);
      expect(no.json.error.code).toBe('activityLimitReached');
      expect(no.headers['retry-after']).toBeUndefined();
    } finally {
      await small.close();
      await big.close();
    }
  });

  it('applies the index rule to $orderby too', async () => {
    expect((await sup(`${base}?$orderby=fields/Email`)).status).toBe(400);
  });
});
