// Plain fakes for the auth tests: a MailboxHost that only knows its user and requirement sets, an
// NAA client whose steps succeed or fail on demand, and an Office dialog UI.
import type { DialogEventArg, DialogLike, DialogUi } from '../../src/office/office-api';
import type { MailboxHost } from '../../src/office/types';
import type { InteractiveClient } from '../../src/auth/naa';
import type { TokenResult } from '../../src/auth/token-cache';
import type { RuntimeConfig } from '../../src/runtime-config';

export const PRODUCTION: RuntimeConfig = {
  mode: 'production',
  graphBaseUrl: 'https://graph.microsoft.com/v1.0',
  siteHostname: 'force.sharepoint.example.org',
  sitePath: '/sites/psd',
  clientId: '00000000-0000-0000-0000-000000000001',
  authority: 'https://login.microsoftonline.com/organizations',
};

export function fakeHost(options: { upn?: string; naa?: boolean } = {}): MailboxHost & { upn: string } {
  const host = {
    upn: options.upn ?? 'alex.handler@force.example.police.uk',
    currentMessage: async () => null,
    onItemChanged: async () => async () => undefined,
    getCategories: async () => [],
    addCategories: async () => undefined,
    displayReplyForm: () => undefined,
    user: () => ({ displayName: 'Someone', emailAddress: host.upn }),
    isSetSupported: (name: string) =>
      name === 'Mailbox' || (name === 'NestedAppAuth' && options.naa !== false),
  };
  return host;
}

type Step = (scopes: readonly string[]) => Promise<TokenResult>;

export function fakeNaa(
  steps: { silent?: Step; popup?: Step } = {},
): InteractiveClient & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    silent: (scopes) => {
      calls.push(`silent ${scopes.join(' ')}`);
      return (steps.silent ?? (() => Promise.reject(new Error('interaction_required'))))(scopes);
    },
    popup: (scopes) => {
      calls.push(`popup ${scopes.join(' ')}`);
      return (steps.popup ?? (() => Promise.reject(new Error('popup not expected'))))(scopes);
    },
  };
}

export const inOneHour = (now: number): Date => new Date(now + 60 * 60 * 1000);

export interface FakeDialogUi extends DialogUi {
  opened: string[];
  closed: number;
  /** The handlers of the last dialog opened, by event type. */
  emit(eventType: string, arg: DialogEventArg): void;
}

export function fakeDialogUi(open: { failCode?: number } = {}): FakeDialogUi {
  const handlers = new Map<string, (arg: DialogEventArg) => void>();
  const ui: FakeDialogUi = {
    opened: [],
    closed: 0,
    displayDialogAsync(url, _options, callback) {
      ui.opened.push(url);
      if (open.failCode) {
        callback({
          status: 'failed',
          value: undefined as never,
          error: { code: open.failCode, name: 'x', message: 'x' },
        });
        return;
      }
      const dialog: DialogLike = {
        addEventHandler: (type, handler) => handlers.set(type, handler),
        close: () => {
          ui.closed++;
        },
      };
      callback({ status: 'succeeded', value: dialog });
    },
    emit(eventType, arg) {
      handlers.get(eventType)?.(arg);
    },
  };
  return ui;
}
