// The Graph calls the product makes, through its own modules, against the emulator by default
// and against a real tenant with `npm run contract` (docs/deploy.md, "Contract suite"). Kept
// small and free of emulator-only tricks (no faults, no admin API), so both answer the same way.
// What it creates it deletes again, except the three lists, which provisioning leaves in place.
import { parseStrategy } from '../../src/core/strategy';
import { createContactLog } from '../../src/graph/contact-log';
import { createMailActions, IMMUTABLE_IDS } from '../../src/graph/mail';
import { eq, withQuery } from '../../src/graph/odata';
import { provision } from '../../src/graph/provision';
import { CONTACT_LOG_LIST, STRATEGIES_LIST } from '../../src/graph/schema';
import { scopePlan } from '../../src/graph/scopes';
import { createSiteResolver } from '../../src/graph/site';
import { createStrategyRepository } from '../../src/graph/strategies';
import { logRecord } from '../fixtures/strategies';
import { contractTarget, parseSite, type ContractTarget } from './contract-target';
import { strategy } from './seed';

const LISTS = scopePlan().lists;
const RUN = `cst-contract-${Date.now().toString(36)}`;
let t: ContractTarget;
/** Item paths to delete at the end, newest first. */
const created: string[] = [];

jest.setTimeout(120_000);

beforeAll(async () => {
  t = await contractTarget();
});

afterAll(async () => {
  for (const path of created.reverse())
    await t.client.request({ method: 'DELETE', url: path, scopes: LISTS }).catch(() => undefined);
  await t?.close();
});

const site = () => createSiteResolver(t.client, t.site, LISTS);

/** The list item holding `key` in an indexed column (the log's Key, a strategy's Title). */
async function itemPath(list: string, column: string, key: string): Promise<string> {
  const listPath = await site().listPath(list);
  const page = await t.client.request<{ value: { id: string }[] }>({
    url: withQuery(`${listPath}/items`, { $filter: eq(column, key), $select: 'id' }),
    scopes: LISTS,
  });
  const id = page.value[0]?.id;
  if (!id) throw new Error(`no ${list} row with ${column} ${key}`);
  return `${listPath}/items/${id}`;
}

it('parses the site setting an administrator gives', () => {
  expect(parseSite('https://contoso.sharepoint.com/sites/cst-contract/')).toEqual({
    siteHostname: 'contoso.sharepoint.com',
    sitePath: '/sites/cst-contract',
  });
  expect(() => parseSite('cst-contract')).toThrow(/contoso.sharepoint.com\/sites\/name/);
});

it('refuses a tenant run without a token command and a site, rather than half-configured', async () => {
  await expect(contractTarget({ CST_CONTRACT_BASE_URL: 'https://graph.microsoft.com/v1.0' })).rejects.toThrow(
    'CST_CONTRACT_BASE_URL is set: set CST_CONTRACT_TOKEN_CMD and CST_CONTRACT_SITE too',
  );
});

it('provisions the three lists, and a second run has nothing to change', async () => {
  await provision(t.client, t.site);
  const second = await provision(t.client, t.site);
  expect(second.actions).toEqual([]);
  expect(second.warnings).toEqual([]);
});

it('writes a strategy and reads it back through the delta sync', async () => {
  const repo = createStrategyRepository({
    client: t.client,
    listPath: () => site().listPath(STRATEGIES_LIST),
    scopes: LISTS,
    validate: parseStrategy,
  });
  // A new strategy has no id or eTag yet: the repository gives it both.
  const { id: _id, eTag: _eTag, ...fresh } = strategy({ personName: `Contract ${RUN}` });
  const saved = await repo.create(fresh);
  expect(saved.kind).toBe('saved');
  if (saved.kind !== 'saved') return;
  created.push(await itemPath(STRATEGIES_LIST, 'Title', saved.strategy.id));
  const snapshot = await repo.sync();
  expect(snapshot.strategies.map((s) => s.id)).toContain(saved.strategy.id);
});

it('logs a decision once, and reads it back by sender and by message', async () => {
  const log = createContactLog({
    client: t.client,
    listPath: () => site().listPath(CONTACT_LOG_LIST),
    scopes: LISTS,
  });
  const record = logRecord({ sender: `${RUN}@example.com`, readAt: new Date().toISOString() });
  expect(await log.append(record)).toBe('created');
  created.push(await itemPath(CONTACT_LOG_LIST, 'Key', record.key));
  expect(await log.append(record)).toBe('exists');
  const history = await log.history([record.sender], '2000-01-01T00:00:00Z');
  expect(history.map((e) => e.internetMessageId)).toEqual([record.internetMessageId]);
  const rows = await log.forMessage(record.messageKey);
  expect(rows).toHaveLength(1);
});

it('tags and files a message by its immutable id, which survives the move', async () => {
  const mail = createMailActions({ client: t.client, scopes: scopePlan() });
  const id = await t.newMessage(`${RUN} message`);
  const folder = `${RUN} folder`;
  await mail.addCategories(id, ['CST: Contract']);
  const moved = await mail.moveToFolder(id, folder);
  const after = await t.client.request<{ id: string; categories: string[]; parentFolderId: string }>({
    url: withQuery(`/me/messages/${moved.id}`, { $select: 'id,categories,parentFolderId' }),
    scopes: scopePlan().mail,
    headers: IMMUTABLE_IDS,
  });
  expect(after.categories).toEqual(['CST: Contract']);
  expect(after.parentFolderId).toBe(await mail.ensureFolder(folder));
  // The folder and the message go together.
  await t.client.request({
    method: 'DELETE',
    url: `/me/mailFolders/${after.parentFolderId}`,
    scopes: scopePlan().mail,
  });
});
