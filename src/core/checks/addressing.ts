// Breaches about how the email was addressed and sent: channel, designated address, SPOC,
// several colleagues or teams at once, advocate (lancs 3.9, lancs 5.3, iopc).
import { normaliseAddress } from '../address';
import { CARD_LABEL, CHANNEL_WORD, andList } from '../words';
import type { Config, Flag } from '../types';
import { listForSentence, strategyAddresses, type CheckInput } from './context';
import { makeFlag } from './flag';

interface StaffDirectory {
  domains: readonly string[];
  /** Normalised mailbox → team name. */
  teams: ReadonlyMap<string, string>;
}

const directoryCache = new WeakMap<Config, StaffDirectory>();

function staffDirectory(config: Config): StaffDirectory {
  let dir = directoryCache.get(config);
  if (!dir) {
    const teams = new Map<string, string>();
    for (const [mailbox, team] of Object.entries(config.teams ?? {})) {
      const n = normaliseAddress(mailbox);
      if (n) teams.set(n, team);
    }
    const domains = (config.staffDomains ?? [])
      .map((d) => d.trim().toLowerCase())
      .filter((d) => d.length > 0);
    dir = { domains, teams };
    directoryCache.set(config, dir);
  }
  return dir;
}

/** A staff recipient: a team mailbox, or an address at a staff domain (or a subdomain of one). */
function isStaff(address: string, dir: StaffDirectory): boolean {
  if (dir.teams.has(address)) return true;
  const domain = address.slice(address.lastIndexOf('@') + 1);
  return dir.domains.some((d) => domain === d || domain.endsWith(`.${d}`));
}

function channelFlag({ strategy }: CheckInput): Flag[] {
  // An empty list records no channel restriction (a row with the field left blank), not "none".
  const channels = strategy.permittedChannels;
  if (channels.length === 0 || channels.includes('email')) return [];
  const allowed = andList(channels.map((c) => CHANNEL_WORD[c] ?? c));
  return [
    makeFlag(
      'CHANNEL_NOT_PERMITTED',
      strategy.id,
      'permittedChannels',
      `Email is not a permitted channel: the strategy allows ${allowed} only.`,
    ),
  ];
}

function wrongAddressFlag({ strategy, facts }: CheckInput): Flag[] {
  const { designated } = strategyAddresses(strategy);
  if (!designated || facts.recipients.includes(designated)) return [];
  const sentTo =
    facts.recipients.length > 0 ? listForSentence(facts.recipients) : 'no visible To or Cc address';
  return [
    makeFlag(
      'WRONG_ADDRESS',
      strategy.id,
      'designatedAddress',
      `Not sent to the ${CARD_LABEL.designatedAddress} address, ${designated}; sent to ${sentTo}.`,
    ),
  ];
}

/**
 * Staff recipients other than the sanctioned routes: the SPOC and the designated address are
 * where the person is told to write, so neither is "other staff".
 */
function otherStaff(input: CheckInput, dir: StaffDirectory): string[] {
  const { designated, spoc } = strategyAddresses(input.strategy);
  return input.facts.recipients.filter((r) => r !== spoc && r !== designated && isStaff(r, dir));
}

function notSpocFlag(input: CheckInput, dir: StaffDirectory): Flag[] {
  const { strategy, facts } = input;
  const { spoc } = strategyAddresses(strategy);
  if (!spoc || !strategy.spoc) return [];
  const others = otherStaff(input, dir);
  if (others.length === 0) return [];
  const how = facts.recipients.includes(spoc) ? 'as well as' : 'instead of';
  return [
    makeFlag(
      'NOT_SPOC',
      strategy.id,
      'spoc',
      `Sent to other staff (${listForSentence(others)}) ${how} the single point of contact, ${strategy.spoc.name} (${spoc}).`,
    ),
  ];
}

/**
 * Distinct destinations among staff recipients: a team mailbox counts as its team, anyone else
 * as themselves, and the SPOC and designated address together count as one (the sanctioned
 * route). More than one destination is the same email to several colleagues or teams.
 */
function multipleRecipientsFlag(input: CheckInput, dir: StaffDirectory): Flag[] {
  const { strategy, facts } = input;
  const { designated, spoc } = strategyAddresses(strategy);
  const sanctioned = facts.recipients.find((r) => r === spoc || r === designated);
  const destinations = new Set<string>();
  for (const r of otherStaff(input, dir)) destinations.add(dir.teams.get(r) ?? r);
  const names = [...(sanctioned ? [sanctioned] : []), ...destinations];
  if (names.length <= 1) return [];
  const field = strategy.spoc ? 'spoc' : strategy.designatedAddress ? 'designatedAddress' : 'reasons';
  const rule =
    field === 'reasons'
      ? 'the same demand to more than one colleague or team is unreasonable persistence'
      : `contact goes to one place: ${field === 'spoc' ? 'the single point of contact' : `the ${CARD_LABEL.designatedAddress} address`}`;
  return [
    makeFlag(
      'MULTIPLE_RECIPIENTS',
      strategy.id,
      field,
      `The same email went to ${names.length} colleagues or teams (${listForSentence(names)}); ${rule}.`,
    ),
  ];
}

function advocateFlag({ strategy, via }: CheckInput): Flag[] {
  if (!strategy.advocate?.required || via !== 'sender') return [];
  return [
    makeFlag(
      'ADVOCATE_REQUIRED',
      strategy.id,
      'advocate',
      `Came from the person directly; contact must come through their advocate, ${strategy.advocate.name}.`,
    ),
  ];
}

export function addressingFlags(input: CheckInput): Flag[] {
  const dir = staffDirectory(input.env.config);
  return [
    ...channelFlag(input),
    ...wrongAddressFlag(input),
    ...notSpocFlag(input, dir),
    ...multipleRecipientsFlag(input, dir),
    ...advocateFlag(input),
  ];
}
