// axe-core over the taskpane and the sandbox page with a matched, flagged message open. The
// browser context bypasses the sandbox's CSP only so axe can be injected; nothing else differs.
import { AXE_SOURCE, open, pane, useHarness, type Harness } from './harness';

const h = useHarness({ bypassCSP: true });

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

async function violations(
  target: Awaited<ReturnType<typeof pane>> | Harness['page'],
  exclude: string[] = [],
) {
  await target.addScriptTag({ content: AXE_SOURCE() });
  const found = await target.evaluate(async (excluded) => {
    const axe = (
      window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Violation[] }> } }
    ).axe;
    const result = await axe.run(
      { include: [['html']], exclude: excluded.map((e) => [e]) },
      { resultTypes: ['violations'] },
    );
    return result.violations;
  }, exclude);
  return found.map(
    (v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

describe('accessibility', () => {
  it('the taskpane has no axe violations with a flagged message and the read gate open', async () => {
    const frame = await open(h.page, 'paul-multiple');
    await frame.getByRole('heading', { name: 'Your read' }).waitFor();
    await expect(violations(frame)).resolves.toEqual([]);
  });

  it('the sandbox page has no axe violations', async () => {
    await open(h.page, 'jordan-reviews');
    await expect(violations(h.page, ['#taskpane'])).resolves.toEqual([]);
  });
});
