/** @jest-environment jsdom */
// Sentences with addresses and phone numbers in a 350 px pane: nothing of the text is lost or
// reordered, an address keeps the bracket or quote that touches it on its own line, and a phone
// number's digit groups stay together. (Where the lines actually break is checked in Chromium:
// test/e2e/verdict.test.ts, "addresses at 350 px".)
import './jsdom-setup';
import { render } from '@testing-library/react';
import fc from 'fast-check';
import { WithAddresses } from '../../src/taskpane/components/Address';

const ADDRESS = 'alex.handler@force.example.police.uk';

/** The element holding the address, and the text of the unit it sits in. */
function unitOf(container: HTMLElement): { address: Element; unit: string } {
  const address = container.querySelector('[data-address]');
  if (!address?.parentElement) throw new Error('no address drawn');
  return { address, unit: address.parentElement.textContent ?? '' };
}

describe('WithAddresses', () => {
  it('keeps an opening bracket and the closing punctuation with the address', () => {
    const { container } = render(<WithAddresses text={`Write to Alex Handler (${ADDRESS}). Thank you.`} />);
    const { address, unit } = unitOf(container);
    expect(address.textContent).toBe(ADDRESS);
    expect(unit).toBe(`(${ADDRESS}).`);
    expect(container.textContent).toBe(`Write to Alex Handler (${ADDRESS}). Thank you.`);
  });

  it('keeps quotes with the address, and leaves an address with spaces around it on its own', () => {
    const quoted = render(<WithAddresses text={`Sent to “${ADDRESS}”, not the Write to address`} />);
    expect(unitOf(quoted.container).unit).toBe(`“${ADDRESS}”,`);
    const plain = render(<WithAddresses text={`Sent to ${ADDRESS} today`} />);
    expect(unitOf(plain.container).unit).toBe(ADDRESS);
  });

  it("keeps a phone number's digit groups together, and the words around it as they were", () => {
    const text = 'Phone the PSD duty inspector on 01632 960123 now (999 in an emergency).';
    const { container } = render(<WithAddresses text={text} />);
    const units = [...container.querySelectorAll('span')].map((s) => s.textContent);
    expect(units).toContain('01632 960123');
    expect(container.textContent).toBe(text);
  });

  it('loses, adds and reorders nothing, whatever the text', () => {
    const piece = fc.constantFrom(
      ADDRESS,
      'ann@example.org',
      '(',
      ').',
      '“',
      '”',
      ' ',
      '01632',
      '960123',
      'word',
      '@',
      '.',
      '\u00a0',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string()), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        const { container, unmount } = render(<WithAddresses text={text} />);
        const shown = container.textContent;
        unmount();
        expect(shown).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});
