export { createOutbox, DEFAULT_DB_NAME } from './outbox';
export type { Outbox, OutboxOptions, OutboxState, Scheduler, SendResult } from './outbox';
export { createDirectOutbox } from './direct';
export { earlierMailFor } from './mail-duty';
export { createPersonalOutbox, outboxDbName, legacyDbName, type Person } from './per-person';
