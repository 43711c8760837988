// The public core API: what the taskpane, the CLI and the Graph adapters use. Pure: no Office,
// Graph, React or I/O behind any of it. Internals (flag families, parse readers, MinHash) stay
// behind their modules.
export * from './types';

// Reading input (core-A1)
export { normaliseAddress } from './address';
export { parseStrategy, parseStrategies } from './strategy';
export { DEFAULT_CONFIG, parseConfig, parseHistory, parseMessage } from './parse';
export { extractMatterRefs, normaliseMatterRef } from './matter';

// Matching (core-A1)
export { buildIndex, matchSender, type SenderMatch, type StrategyIndex } from './match';

// Reading aids and repeats (core-B)
export {
  DEFAULT_TERMS,
  detectReopenDemand,
  INDICATOR_QUESTIONS,
  scanIndicators,
  suggestedQuestions,
  termWarnings,
  describeTermWarning,
  type TermWarning,
  type Terms,
} from './indicators';
export { DEFAULT_REPEAT_THRESHOLD, findRepeats, fingerprint, similarity } from './repeat';

// The verdict, the read, the record
export { evaluate, type EvaluateInput } from './evaluate';
export { isBreach, orderFlags } from './checks';
export {
  answer,
  confirmOpened,
  decide,
  dispositionFor,
  GateError,
  NOTHING_TO_OPEN,
  readingFinished,
  startGate,
  unanswered,
  type Answered,
  type DecisionContext,
  type Decided,
  type GateState,
  type OpenCheck,
  type Reading,
} from './gate';
export { bodyWasRead, classifyBody, type BodyFacts, type BodyReadability } from './readability';
export { buildLogRecord, logKey, type LogRecordInput } from './log';

// Replies and supervision
export {
  DEFAULT_REMINDER_TEMPLATE,
  renderReminder,
  type ReminderDraft,
  type ReminderInput,
} from './reminder';
export {
  addAddress,
  DEFAULT_REVIEW_MONTHS,
  endStrategy,
  recordReview,
  reviewPack,
  strategyFromSender,
  type NewStrategy,
  type ReviewPack,
} from './supervisor';
export { DEFAULT_TIME_ZONE, localDate } from './time';

// The send-time guard (Smart Alerts)
export {
  decideSend,
  DEFAULT_SEND_GUARD,
  parseSendGuardSettings,
  type GuardFinding,
  type OutgoingMail,
  type SendDecision,
  type SendGuardSettings,
} from './send-guard';
