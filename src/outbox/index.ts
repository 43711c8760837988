export { createOutbox, DEFAULT_DB_NAME } from './outbox';
export type { Outbox, OutboxOptions, OutboxState, Scheduler, SendResult } from './outbox';
export { createDirectOutbox } from './direct';
export { doMailDuty, earlierMailFor, UnconfirmedDecision } from './mail-duty';
export type { DutySteps, LeftToOthers, MailDuty, MailDutyPorts } from './mail-duty';
export { createPersonalOutbox, outboxDbName, legacyDbName, type Person } from './per-person';
