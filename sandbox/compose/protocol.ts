// Messages between the sandbox page's compose form and the send guard's event runtime (a hidden
// frame loading send-guard.html with the compose host below in place of office.js). Both sides
// check the origin and the window a message came from.
import type { PersonData } from '../office-host/protocol';

export const COMPOSE_CHANNEL = 'cst-compose';

/** Office.js's compose types (getComposeTypeAsync). */
export type ComposeType = 'newMail' | 'reply' | 'forward';

export interface ComposeData {
  type: ComposeType;
  to: PersonData[];
  cc: PersonData[];
  bcc: PersonData[];
}

export interface SendRequest {
  user: PersonData;
  compose: ComposeData;
  /** Requirement sets the emulated Outlook supports (Mailbox 1.14 allows sendModeOverride). */
  requirementSets: Record<string, string>;
}

/** What the handler passed to event.completed (SmartAlertsEventCompletedOptions), as given. */
export type CompletedOptions = Record<string, unknown>;

export type ToRuntime = { channel: typeof COMPOSE_CHANNEL; type: 'send'; id: number; request: SendRequest };

export type FromRuntime =
  | { channel: typeof COMPOSE_CHANNEL; type: 'ready' }
  | { channel: typeof COMPOSE_CHANNEL; type: 'completed'; id: number; options: CompletedOptions }
  | { channel: typeof COMPOSE_CHANNEL; type: 'failed'; id: number; message: string };

export function onComposeChannel(data: unknown): data is { channel: typeof COMPOSE_CHANNEL; type: string } {
  return (
    typeof data === 'object' && data !== null && (data as { channel?: unknown }).channel === COMPOSE_CHANNEL
  );
}
