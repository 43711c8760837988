/** @jest-environment jsdom */
// The supervisors' upload: a CSV is previewed row by row (new, unchanged, different and never
// overwritten, and every problem by row and column), and Apply hands
// exactly the new strategies to the importer.
import './jsdom-setup';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { importSheet, type ImportStep } from '../../src/core/register/import';
import type { Strategy } from '../../src/core/types';
import type { CreateOutcome } from '../../src/graph/strategy-import';
import type { StrategySnapshot } from '../../src/graph/types';
import { csvTable } from '../../src/register/table';
import { ImportStrategies } from '../../src/taskpane/components/supervisor/ImportStrategies';
import type { SupervisorActions } from '../../src/taskpane/state/supervisor';
import { SupervisorContext } from '../../src/taskpane/state/supervisor-context';

const CSV = [
  'Reference,Complainant,Email addresses,Status,Next review,Shoe size',
  'CS-0201,Pat Sample,pat.sample@example.com,Active,02/03/2027,9',
  'CS-0202,Bad Date,bad.date@example.com,Active,31/02/2027,',
  'CS-0203,Bad Status,bad.status@example.com,Sleeping,,',
  'CS-0204,Rory Example,rory.example@example.net,Active,,',
  'CS-0205,Jo Placeholder,jo@placeholder.example.org,Active,,',
].join('\n');

/** The list as it stands: CS-0204 exactly as in the file, CS-0205 with another name. */
function listNow(): StrategySnapshot {
  const read = csvTable(CSV);
  if (!read.ok) throw new Error(read.error);
  const byId = new Map(importSheet(read.table).strategies.map((r) => [r.strategy.id, r.strategy]));
  const same = byId.get('CS-0204');
  const other = byId.get('CS-0205');
  if (!same || !other) throw new Error('fixture rows missing');
  const strategies: Strategy[] = [
    { ...same, eTag: '"1"' },
    { ...other, personName: 'Jo Placeholder-Smith', eTag: '"4"' },
  ];
  return { strategies, rejected: [], syncedAt: '2026-12-02T09:00:00Z' };
}

function supervisorWith(importCreates?: SupervisorActions['importCreates']): SupervisorActions {
  const unused = () => {
    throw new Error('not used by the import');
  };
  return {
    tag: unused,
    createStrategy: unused,
    saveStrategy: unused,
    strategyById: () => undefined,
    strategies: () => [],
    contactsFor: unused,
    personLog: unused,
    user: () => ({ displayName: 'Sue Supervisor', emailAddress: 'sue.supervisor@force.example.police.uk' }),
    today: () => new Date('2026-12-02T09:00:00Z'),
    refresh: async () => undefined,
    listNow: async () => listNow(),
    ...(importCreates && { importCreates }),
  };
}

function show(actions: SupervisorActions) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <SupervisorContext.Provider value={actions}>
        <ImportStrategies />
      </SupervisorContext.Provider>
    </FluentProvider>,
  );
}

async function upload(text: string, name = 'strategies.csv') {
  const input = screen.getByLabelText(/Spreadsheet \(\.xlsx or \.csv\)/);
  expect(input.getAttribute('accept')).toBe('.csv,.xlsx');
  fireEvent.change(input, { target: { files: [new File([text], name, { type: 'text/csv' })] } });
  await screen.findByRole('region', { name: 'Import preview' }, { timeout: 10_000 });
}

const listed = (title: RegExp) =>
  within(screen.getByRole('list', { name: title }))
    .getAllByRole('listitem')
    .map((li) => li.textContent);

it('previews new, unchanged and different rows, and names every problem by row and column', async () => {
  const { container } = show(supervisorWith(async () => [])); // never reached here
  await upload(CSV);
  const region = screen.getByRole('region', { name: 'Import preview' });
  expect(region.textContent).toContain(
    'strategies.csv: 5 rows read. Plan: 1 new strategy, 1 unchanged, 1 conflict, 2 rows with problems (not imported).',
  );
  expect(listed(/To be created/)).toEqual(['row 2, CS-0201: Pat Sample']);
  expect(listed(/unchanged/)).toEqual(['row 5, CS-0204: Rory Example']);
  expect(listed(/different/)).toEqual([
    'row 6, CS-0205: already on the list and different (Person); not overwritten: edit it in the taskpane',
  ]);
  expect(listed(/Problems/)).toEqual([
    'row 3, Next review: "31/02/2027" is not a date (write 2 Dec 2026, 02/12/2026 or 2026-12-02)',
    'row 4, Status: "Sleeping" is not a known status',
  ]);
  expect(listed(/Notes/)).toEqual(['headings not read (not in the template): Shoe size']);
  // The file input has its label and each list its heading, for screen readers.
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}, 60_000);

it('Apply hands the new strategies to the importer and reports what was written', async () => {
  const seen: ImportStep[][] = [];
  const importer = async (steps: readonly ImportStep[]): Promise<CreateOutcome[]> => {
    seen.push([...steps]);
    return [{ kind: 'created', row: 2, id: 'CS-0201' }];
  };
  show(supervisorWith(importer));
  await upload(CSV);
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
  });
  const status = await screen.findByRole('status');
  expect(status.textContent).toContain(
    'Written: 1 created. Left as they are on the list: 1 unchanged, 1 conflict (not overwritten).',
  );
  expect(seen).toHaveLength(1);
  const creates = seen[0]!.filter((s) => s.kind === 'create');
  expect(creates.map((s) => (s.kind === 'create' ? s.strategy.personName : ''))).toEqual(['Pat Sample']);
  // The conflict is passed as a plan step only; the importer never sends it.
  expect(seen[0]!.map((s) => s.kind).sort()).toEqual(['conflict', 'create', 'unchanged']);
});

it('says what the list refused, and offers nothing to apply when every row is already there', async () => {
  const importer = async (): Promise<CreateOutcome[]> => [
    { kind: 'refused', row: 2, id: 'CS-0201', status: 403, message: 'Access denied.' },
  ];
  show(supervisorWith(importer));
  await upload(CSV);
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
  });
  expect((await screen.findByRole('status')).textContent).toContain(
    'row 2, CS-0201: the list refused it (HTTP 403: Access denied.)',
  );

  const alreadyThere = CSV.split('\n')
    .filter((l, i) => i === 0 || l.startsWith('CS-0204'))
    .join('\n');
  await upload(alreadyThere, 'again.csv');
  expect(screen.getByText('Nothing to change: no new strategies in this file.')).toBeTruthy();
  expect(screen.queryByRole('button', { name: 'Apply' })).toBeNull();
});

it('refuses a file that is not a spreadsheet in one sentence, before reading the list', async () => {
  let asked = 0;
  const actions = { ...supervisorWith(), listNow: async () => (asked++, listNow()) };
  show(actions);
  const input = screen.getByLabelText(/Spreadsheet/);
  fireEvent.change(input, { target: { files: [new File(['a'], 'notes.txt')] } });
  expect((await screen.findByRole('alert')).textContent).toMatch(/notes\.txt: .*expected \.xlsx or \.csv/);
  expect(asked).toBe(0);
});

it('an import that stops part way says so and how to see where things stand', async () => {
  show(
    supervisorWith(async () => {
      throw new Error('SharePoint is not answering');
    }),
  );
  await upload(CSV);
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
  });
  expect((await screen.findByRole('alert')).textContent).toMatch(
    /^The import stopped \(.*SharePoint is not answering.*\)\. Upload the file again to see what is on the list now/,
  );
});
