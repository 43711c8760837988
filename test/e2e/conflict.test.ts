// Two supervisors editing one strategy: the row changes in SharePoint while Sam has the edit form
// open. His save must not overwrite it: the pane says it was changed by someone else and shows
// the version now stored, and after a reload his edit can be saved on top of it.
import type { Frame } from 'playwright-core';
import { SAMPLES, open, useHarness } from './harness';

const h = useHarness();

const SAM = 'sam.supervisor@force.example.police.uk';
const STRATEGY = 'CS-0042';
const THEIRS = 'Deputy Head of Professional Standards';

function row() {
  const siteId =
    h.sandbox.store.siteId(SAMPLES.organisation.site.hostname, SAMPLES.organisation.site.path) ?? '';
  const found = h.sandbox.store
    .listItems(siteId, 'Contact Strategies')
    .find((r) => r.fields.Title === STRATEGY);
  if (!found) throw new Error(`${STRATEGY} is not in the list`);
  return { siteId, ...found };
}

/** Another supervisor's save, through Graph with the row's current eTag (as their pane would). */
async function changedElsewhere(fields: Record<string, string>): Promise<number> {
  const { siteId, id, eTag } = row();
  return h.page.evaluate(
    async ({ url, eTag: etag, body, upn }) =>
      (
        await fetch(url, {
          method: 'PATCH',
          headers: {
            Authorization: `Bearer dev:${upn}`,
            'Content-Type': 'application/json',
            'If-Match': etag,
          },
          body: JSON.stringify(body),
        })
      ).status,
    {
      url: `/v1.0/sites/${encodeURIComponent(siteId)}/lists/${encodeURIComponent('Contact Strategies')}/items/${id}/fields`,
      eTag,
      body: fields,
      upn: SAM,
    },
  );
}

const knownNames = (frame: Frame) => frame.getByLabel('Other names they use');

// Two pane opens, a reload and two saves: well under 30 s alone, but it passed 30 s when the
// 2-core machine ran other browser suites beside it (its assertions are unchanged).
const EDIT_RELOAD_SAVE_MS = 120_000;

describe('a supervisor edit that meets a concurrent change', () => {
  it(
    'shows the conflict with the current version, overwrites nothing, and saves after a reload',
    async () => {
      await h.page.selectOption('#user', SAM);
      const frame = await open(h.page, 'paul-compliant');
      await frame
        .getByRole('group', { name: `Strategy ${STRATEGY}` })
        .getByRole('button', { name: 'Edit' })
        .click();
      const before = String(row().fields.KnownNames);
      await knownNames(frame).fill('P. Example, Paul E., Mr P Example');

      await expect(changedElsewhere({ DecidedBy: THEIRS })).resolves.toBe(200);
      const theirs = row();

      await frame.getByRole('button', { name: 'Save changes' }).click();
      // The notice's body: its title, what happened, and their version, so Sam can see what changed.
      const notice = frame.getByText('Changed by someone else', { exact: true }).locator('..');
      await notice.waitFor();
      await expect(notice.textContent()).resolves.toMatch(/Your changes were not saved/);
      // Their version is shown open, not behind a summary line.
      const theirCard = notice.getByRole('group', { name: `Strategy ${STRATEGY}: Paul Example` });
      await expect(theirCard.count()).resolves.toBe(1);
      await expect(theirCard.getByText(THEIRS).isVisible()).resolves.toBe(true);
      await expect(notice.textContent()).resolves.toContain(THEIRS);
      // Nothing was overwritten: the row is theirs, untouched by Sam's save.
      const after = row();
      expect(after.eTag).toBe(theirs.eTag);
      expect(after.fields.DecidedBy).toBe(THEIRS);
      expect(after.fields.KnownNames).toBe(before);
      // Sam's form still holds his edit until he chooses to reload.
      await expect(knownNames(frame).inputValue()).resolves.toBe('P. Example, Paul E., Mr P Example');

      await frame.getByRole('button', { name: 'Reload' }).click();
      // The form starts again from the version now stored.
      await frame.waitForFunction(
        (value) =>
          [...document.querySelectorAll('input')].some((i) => i.value === value) &&
          !document.body.textContent?.includes('Changed by someone else'),
        THEIRS,
      );
      await expect(knownNames(frame).inputValue()).resolves.toBe('P. Example, Paul E.');
      await knownNames(frame).fill('P. Example, Paul E., Mr P Example');
      await frame.getByRole('button', { name: 'Save changes' }).click();
      await frame.getByText(`Saved: strategy ${STRATEGY}.`).waitFor();
      const saved = row();
      expect(String(saved.fields.KnownNames).split('\n')).toEqual(['P. Example', 'Paul E.', 'Mr P Example']);
      expect(saved.fields.DecidedBy).toBe(THEIRS);
    },
    EDIT_RELOAD_SAVE_MS,
  );
});
