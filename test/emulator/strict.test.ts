// The emulator refuses what Graph v1.0 refuses: a body property its type does not declare, a
// multi-choice column made through Graph, a second Title, a duplicate in a unique column. Its
// property tables are the types package's, checked here so the two cannot drift.
import { readFileSync } from 'node:fs';
import { startEmulator } from '../../emulator';
import { buildTables } from '../../emulator/schema/dts';
import { GRAPH_V1_TYPES } from '../../emulator/schema/graph-v1';
import type { RunningEmulator } from '../../emulator/types';
import { HANDLER, HOST, SITE_PATH, SUPERVISOR, type Reply, clientFor, testSeed } from './helpers';

let emu: RunningEmulator;
let sup: ReturnType<typeof clientFor>;
let siteId: string;

beforeAll(async () => {
  emu = await startEmulator({ seed: testSeed(), listViewThreshold: 3 });
  sup = clientFor(emu, SUPERVISOR);
  siteId = emu.store.siteId(HOST, SITE_PATH) as string;
});
afterAll(() => emu.close());

const lists = (): string => `/sites/${siteId}/lists`;
const log = (): string => `${lists()}/Contact%20Log`;

function expectUndeclared(r: Reply, property: string, type: string): void {
  expect(r.status).toBe(400);
  expect(r.json.error.code).toBe('invalidRequest');
  expect(r.json.error.message).toContain(
    `The property '${property}' does not exist on type 'microsoft.graph.${type}'`,
  );
}

describe('property tables', () => {
  it('are exactly what @microsoft/microsoft-graph-types declares (regenerate with scripts/generate-graph-tables.ts)', () => {
    const dts = readFileSync(
      require.resolve('@microsoft/microsoft-graph-types/microsoft-graph.d.ts'),
      'utf8',
    );
    expect(GRAPH_V1_TYPES).toEqual(buildTables(dts));
    expect(Object.keys(GRAPH_V1_TYPES['ChoiceColumn'] ?? {}).sort()).toEqual([
      'allowTextEntry',
      'choices',
      'displayAs',
    ]);
  });
});

describe('request bodies', () => {
  it('refuses choice.allowMultipleSelection on a column, naming the property and type', async () => {
    const r = await sup(`${log()}/columns`, {
      method: 'POST',
      body: { name: 'Tags', choice: { choices: ['a'], allowMultipleSelection: true } },
    });
    expectUndeclared(r, 'allowMultipleSelection', 'choiceColumn');
  });

  it('refuses undeclared properties on a list, its nested columns, a list item, a message, a folder and a category', async () => {
    expectUndeclared(
      await sup(lists(), { method: 'POST', body: { displayName: 'X', colour: 'red' } }),
      'colour',
      'list',
    );
    expectUndeclared(
      await sup(lists(), {
        method: 'POST',
        body: { displayName: 'X', columns: [{ name: 'A', text: { rows: 2 } }] },
      }),
      'rows',
      'textColumn',
    );
    expectUndeclared(
      await sup(`${log()}/items`, { method: 'POST', body: { fields: { Key: 'k' }, key: 'k' } }),
      'key',
      'listItem',
    );
    const h = clientFor(emu, HANDLER);
    const msgs = await h('/me/messages');
    const id = msgs.json.value[0].id as string;
    expectUndeclared(
      await h(`/me/messages/${id}`, { method: 'PATCH', body: { tags: ['x'] } }),
      'tags',
      'message',
    );
    expectUndeclared(
      await h('/me/mailFolders', { method: 'POST', body: { displayName: 'F', colour: 'x' } }),
      'colour',
      'mailFolder',
    );
    expectUndeclared(
      await h('/me/outlook/masterCategories', {
        method: 'POST',
        body: { displayName: 'C', colour: 'preset1' },
      }),
      'colour',
      'outlookCategory',
    );
    const bad = await h(`/me/messages/${id}/move`, {
      method: 'POST',
      body: { destinationId: 'archive', folder: 'x' },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toContain("'folder'");
  });

  it("keeps fieldValueSet open: any column name is the list's business, not the type's", async () => {
    const r = await sup(`${log()}/items`, {
      method: 'POST',
      body: { fields: { Key: 'open-1', Sender: 'a@example.com' } },
    });
    expect(r.status).toBe(201);
  });
});

describe('columns Graph cannot make', () => {
  it('refuses a multi-choice column (displayAs checkBoxes) and a second Title', async () => {
    const multi = await sup(`${log()}/columns`, {
      method: 'POST',
      body: { name: 'Tags', choice: { choices: ['a', 'b'], displayAs: 'checkBoxes' } },
    });
    expect(multi.status).toBe(400);
    const title = await sup(`${log()}/columns`, {
      method: 'POST',
      body: { name: 'Title', text: {}, indexed: true },
    });
    expect(title.status).toBe(409);
  });
});

describe('unique values', () => {
  it('needs an index, then refuses a second row with the same key', async () => {
    const cols = await sup(`${log()}/columns`);
    const reader = cols.json.value.find((c: { name: string }) => c.name === 'Reader');
    const noIndex = await sup(`${log()}/columns/${reader.id}`, {
      method: 'PATCH',
      body: { enforceUniqueValues: true },
    });
    expect(noIndex.status).toBe(400);
    const key = cols.json.value.find((c: { name: string }) => c.name === 'Key');
    const on = await sup(`${log()}/columns/${key.id}`, {
      method: 'PATCH',
      body: { enforceUniqueValues: true },
    });
    expect(on.status).toBe(200);
    expect(on.json.enforceUniqueValues).toBe(true);
    const first = await sup(`${log()}/items`, { method: 'POST', body: { fields: { Key: 'dup-1' } } });
    expect(first.status).toBe(201);
    const second = await sup(`${log()}/items`, { method: 'POST', body: { fields: { Key: 'DUP-1' } } });
    expect(second.status).toBe(409);
    expect(second.json.error.message).toContain('[Key]');
  });
});

describe('one indexed column per filter above the list view threshold', () => {
  it('answers a filter on one indexed column and refuses one on two indexed columns', async () => {
    for (let i = 0; i < 4; i++)
      await sup(`${log()}/items`, {
        method: 'POST',
        body: {
          fields: { Key: `t-${i}`, Sender: 'paul@example.com', ReceivedDateTime: '2025-03-01T00:00:00Z' },
        },
      });
    const one = await sup(
      `${log()}/items?$filter=${encodeURIComponent("fields/Sender eq 'paul@example.com'")}`,
    );
    expect(one.status).toBe(200);
    const two = await sup(
      `${log()}/items?$filter=${encodeURIComponent("fields/Sender eq 'paul@example.com' and fields/ReceivedDateTime ge '2025-01-01T00:00:00Z'")}`,
    );
    expect(two.status).toBe(503);
  });
});
