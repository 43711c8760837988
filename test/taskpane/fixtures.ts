// Invented fixtures for the taskpane tests (example.com/.org and force.example.police.uk only).
import type { Strategy } from '../../src/core/types';
import type { Settings } from '../../src/graph/types';
import type { CurrentMessage } from '../../src/office/types';
import { DEFAULT_SETTINGS } from '../../src/graph/settings';
import { plainRules } from '../fixtures/strategies';

export const NOW = new Date('2025-03-04T10:30:00Z');

export function strategy(overrides: Partial<Strategy> = {}): Strategy {
  return {
    id: 'CS-0042',
    personName: 'Paul Example',
    knownNames: ['P. Example'],
    emailAddresses: ['paul.example@example.com'],
    ...plainRules(),
    designatedAddress: 'contact.strategy@force.example.police.uk',
    spoc: { name: 'Sam Handler', address: 'sam.handler@force.example.police.uk', since: '2025-01-06' },
    startDate: '2025-01-06',
    nextReviewDate: '2025-04-06',
    lastReviewedDate: '2025-01-06',
    decidedBy: 'Chief Executive',
    eTag: '"1"',
    ...overrides,
  };
}

export function message(overrides: Partial<CurrentMessage> = {}): CurrentMessage {
  const id = overrides.internetMessageId ?? '<m1@example.com>';
  return {
    internetMessageId: id,
    receivedDateTime: '2025-03-04T10:15:00Z',
    from: { name: 'Paul Example', address: 'paul.example@example.com' },
    to: [{ name: 'Contact strategy', address: 'contact.strategy@force.example.police.uk' }],
    cc: [],
    subject: 'Re: CO/01234/24',
    body: 'Please tell me when my complaint will be finished.',
    itemId: `ews-${id}`,
    restId: `rest-${id}`,
    ...overrides,
  };
}

export const SETTINGS: Settings = {
  ...DEFAULT_SETTINGS,
  staffDomains: ['force.example.police.uk'],
  rbnrFolder: 'RBNR',
  escalationMailbox: 'safeguarding@force.example.police.uk',
  supervisors: ['sue.supervisor@force.example.police.uk'],
};
