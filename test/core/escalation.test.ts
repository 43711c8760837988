import fc from 'fast-check';
import { escalationTarget } from '../../src/core/escalation';

const STAFF = ['force.example.police.uk'];

describe('escalationTarget', () => {
  it('allows a mailbox at a staff domain or a subdomain of one', () => {
    expect(escalationTarget('Safeguarding@Force.Example.Police.uk', STAFF)).toEqual({
      kind: 'allowed',
      address: 'safeguarding@force.example.police.uk',
    });
    expect(escalationTarget('psd@hq.force.example.police.uk', STAFF).kind).toBe('allowed');
  });

  it('refuses a mailbox outside the force, a look-alike domain, a non-address, and any when no domains are set', () => {
    for (const m of [
      'safeguarding@example.com',
      'safeguarding@evilforce.example.police.uk',
      'safeguarding@force.example.police.uk.example.com',
      'not an address',
    ])
      expect(escalationTarget(m, STAFF).kind).toBe('refused');
    expect(escalationTarget('safeguarding@force.example.police.uk', [])).toMatchObject({
      kind: 'refused',
      reason: expect.stringMatching(/no staff domains/),
    });
    expect(escalationTarget('  ', STAFF)).toEqual({ kind: 'none' });
  });

  it('never allows an address whose domain is not a staff domain or below one', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (email) => {
        const t = escalationTarget(email, STAFF);
        if (t.kind === 'allowed') expect(t.address).toMatch(/(@|\.)force\.example\.police\.uk$/);
      }),
    );
  });
});
