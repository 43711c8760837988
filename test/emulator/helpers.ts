// Test helpers: a tiny HTTPS client that trusts only the emulator's certificate (TLS checks stay
// on), and a seed shared by the emulator's tests.
import { request as httpsRequest } from 'node:https';
import type { EmulatorSeed } from '../../emulator/types';

export interface Reply {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** The body as it came (binary answers such as an attachment's /$value). */
  bytes: Buffer;
  /** Parsed JSON when the body is JSON, else undefined. */
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface CallOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** Send the body as it is (no JSON encoding, no Content-Type). */
  rawBody?: string;
}

export const HANDLER = 'handler@force.example.police.uk';
export const SUPERVISOR = 'supervisor@force.example.police.uk';
export const OUTSIDER = 'outsider@force.example.police.uk';
export const SHARED = 'psd@force.example.police.uk';
export const HOST = 'sharepoint.example.com';
export const SITE_PATH = '/sites/complaints';

/** Calls the emulator over real HTTPS, trusting only `ca`. `url` is absolute or a path. */
export function call(base: string, ca: string, url: string, opts: CallOptions = {}): Promise<Reply> {
  const target = new URL(url.startsWith('http') ? url : `${base}${url}`);
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  let payload: string | undefined;
  if (opts.rawBody !== undefined) payload = opts.rawBody;
  else if (opts.body !== undefined) {
    payload = JSON.stringify(opts.body);
    headers['Content-Type'] ??= 'application/json';
  }
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      {
        hostname: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: opts.method ?? 'GET',
        headers,
        ca,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const bytes = Buffer.concat(chunks);
          const text = bytes.toString('utf8');
          const out: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers))
            if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
          let json: unknown;
          if ((out['content-type'] ?? '').startsWith('application/json')) json = JSON.parse(text);
          resolve({ status: res.statusCode ?? 0, headers: out, text, bytes, json });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

/** A client bound to one emulator and one user. */
export function clientFor(emu: { url: string; ca: string }, upn: string | undefined) {
  return (url: string, opts: CallOptions = {}): Promise<Reply> =>
    call(emu.url, emu.ca, url.startsWith('http') || url.startsWith('/_admin') ? url : `/v1.0${url}`, {
      ...opts,
      headers: { ...(upn ? { Authorization: `Bearer dev:${upn}` } : {}), ...(opts.headers ?? {}) },
    });
}

export function testSeed(): EmulatorSeed {
  return {
    users: [
      { upn: HANDLER, displayName: 'Hana Handler' },
      { upn: SUPERVISOR, displayName: 'Sid Supervisor', supervisor: true },
      { upn: OUTSIDER, displayName: 'Olly Outsider' },
    ],
    sites: [
      {
        hostname: HOST,
        path: SITE_PATH,
        displayName: 'Complaints',
        lists: [
          {
            displayName: 'Contact Strategies',
            writers: 'supervisors',
            columns: [
              { name: 'PersonName', displayName: 'Person name', text: {}, indexed: true },
              { name: 'EmailAddresses', displayName: 'Email addresses', text: { allowMultipleLines: true } },
              {
                name: 'Status',
                choice: { choices: ['draft', 'active', 'suspended', 'ended'] },
                indexed: true,
              },
              {
                name: 'Reasons',
                choice: {
                  choices: ['aggressive-or-abusive', 'unreasonably-persistent'],
                  displayAs: 'checkBoxes',
                },
              },
              { name: 'ContactLimitMax', number: {}, indexed: true },
              { name: 'RefuseReopen', boolean: {}, indexed: true },
              { name: 'NextReview', dateTime: {}, indexed: true },
              { name: 'Notes', text: { allowMultipleLines: true } },
            ],
            items: [
              {
                fields: {
                  Title: 'CS-0001',
                  PersonName: 'Paul Example',
                  EmailAddresses: 'paul.example@example.com',
                  Status: 'active',
                  Reasons: ['unreasonably-persistent'],
                  ContactLimitMax: 1,
                  RefuseReopen: true,
                  NextReview: '2025-04-06T00:00:00Z',
                },
              },
              {
                fields: {
                  Title: 'CS-0002',
                  PersonName: 'Rita Sample',
                  Status: 'draft',
                  ContactLimitMax: 3,
                  RefuseReopen: false,
                  NextReview: '2025-06-01T00:00:00Z',
                },
              },
            ],
          },
          {
            displayName: 'Contact Log',
            writers: 'everyone',
            columns: [
              { name: 'Key', text: {}, indexed: true },
              { name: 'Sender', text: {}, indexed: true },
              { name: 'ReceivedDateTime', dateTime: {}, indexed: true },
              { name: 'Reader', text: {} },
            ],
          },
        ],
      },
    ],
    mailboxes: [
      {
        upn: HANDLER,
        masterCategories: [{ displayName: 'CST: Read', color: 'preset4' }],
        messages: [
          {
            internetMessageId: '<m1@example.com>',
            subject: 'Re: CO/01234/24',
            from: { emailAddress: { name: 'Paul Example', address: 'paul.example@example.com' } },
            toRecipients: [{ emailAddress: { name: 'Hana Handler', address: HANDLER } }],
            receivedDateTime: '2025-03-04T10:15:00Z',
            body: { contentType: 'text', content: 'I want my complaint reopened.' },
            categories: ['Blue category'],
          },
        ],
      },
      {
        upn: SHARED,
        displayName: 'PSD',
        shared: true,
        members: [HANDLER, SUPERVISOR],
        // The supervisor has Full Access only: forwarding from the mailbox is refused to them.
        sendAs: [HANDLER],
        folders: [{ displayName: 'RBNR', parent: 'inbox' }],
        masterCategories: [{ displayName: 'CST: Read', color: 'preset4' }],
        messages: [
          {
            internetMessageId: '<s1@example.com>',
            subject: 'Complaint',
            from: { emailAddress: { address: 'rita.sample@example.org' } },
            toRecipients: [{ emailAddress: { address: SHARED } }],
            receivedDateTime: '2025-03-05T09:00:00Z',
            body: { contentType: 'html', content: '<p>Hello &amp; goodbye</p>' },
          },
        ],
      },
    ],
  };
}
