// The pane: status, then for the selected message the verdict, adjustments, checks, the
// strategy's essentials, the message with its highlights, the read and the record.
import { Button, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { BarTitle } from './BarTitle';
import { Suspense, lazy, useState } from 'react';
import { immediateRiskOf } from '../../core/verdict';
import { AlreadyTriaged, alreadyDecided } from './AlreadyTriaged';
import { ImmediateRisk } from './ImmediateRisk';
import type { Strategy } from '../../core/types';
import type { TriageController } from '../state/controller';
import { SupervisorContext } from '../state/supervisor-context';
import type { ReadyState, ShownItem } from '../state/types';
import { useTriage } from '../state/useTriage';
import { pointersFor } from '../view/pointers';
import { Adjustments } from './Adjustments';
import { Essentials } from './Essentials';
import { Flags } from './Flags';
import { ItemBoundary } from './ItemBoundary';
import { MessageText } from './MessageText';
import { Attachments } from './reading/Attachments';
import { BodyNotice } from './reading/BodyNotice';
import { bodyWasRead } from '../../core/readability';
import { ReadGate } from './ReadGate';
import { RecordPanel } from './RecordPanel';
import { OutboxStatus, SnapshotLine, StatusBar } from './StatusBar';
import { useShared } from './styles';
import { Verdict } from './Verdict';
import { AddAddressAction } from './AddAddressAction';

// Supervisor forms are used by few people and rarely: kept out of the first bundle.
const SupervisorPanel = lazy(() => import('./supervisor/SupervisorPanel'));

const useStyles = makeStyles({
  pane: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    maxWidth: '60em',
  },
  centre: { paddingBlock: tokens.spacingVerticalXXL },
});

export function App({ controller }: { controller: TriageController }) {
  const state = useTriage(controller);
  const s = useShared();
  const styles = useStyles();
  return (
    <main className={styles.pane} aria-busy={state.phase === 'starting'}>
      <h1 className={s.visuallyHidden}>Contact strategy triage</h1>
      <div role="status" aria-live="polite" className={s.visuallyHidden}>
        {state.phase === 'ready' ? state.announcement : ''}
      </div>
      {state.phase === 'starting' && (
        <Spinner className={styles.centre} label="Loading contact strategies…" labelPosition="below" />
      )}
      {state.phase === 'unavailable' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <BarTitle>Contact strategies are not available</BarTitle>
            {state.message}
          </MessageBarBody>
          <Button disabled={state.retrying} onClick={() => void controller.refresh()}>
            {state.retrying ? 'Trying…' : 'Try again'}
          </Button>
        </MessageBar>
      )}
      {state.phase === 'unavailable' && (
        <OutboxStatus outbox={state.outbox} onRetryRefused={controller.retryRefused} />
      )}
      {state.phase === 'ready' && (
        // Supervisor actions reach the (lazily loaded) supervisor tools through context only.
        <SupervisorContext.Provider value={controller.supervisor}>
          <Ready state={state} controller={controller} />
        </SupervisorContext.Provider>
      )}
    </main>
  );
}

function Ready({ state, controller }: { state: ReadyState; controller: TriageController }) {
  const s = useShared();
  const { item } = state;
  return (
    <>
      <StatusBar
        sync={state.sync}
        outbox={state.outbox}
        warnings={state.warnings}
        onRetryRefused={controller.retryRefused}
      />
      {item.kind === 'none' && (
        <section className={s.section}>
          <h2 className={s.heading}>Select a message</h2>
          <p>
            Select a message to see whether its sender is under a contact strategy, and to record your read.
          </p>
        </section>
      )}
      {item.kind === 'loading' && <Spinner label="Reading the message…" labelPosition="after" />}
      {item.kind === 'error' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{item.message}</MessageBarBody>
          <Button onClick={() => void controller.loadItem()}>Try again</Button>
        </MessageBar>
      )}
      {item.kind === 'shown' && (
        // Keyed by the item: forms, notices and confirmations opened for one message must not
        // carry over to the next one in a pinned pane.
        <ItemBoundary key={item.message.itemId}>
          <ItemView item={item} state={state} controller={controller} />
        </ItemBoundary>
      )}
      <SnapshotLine sync={state.sync} onRefresh={() => void controller.refresh()} />
    </>
  );
}

function ItemView({
  item,
  state,
  controller,
}: {
  item: ShownItem;
  state: ReadyState;
  controller: TriageController;
}) {
  const matched = item.evaluation.matches
    .map((m) => item.strategies.get(m.strategyId))
    .filter((st): st is Strategy => !!st);
  const supervisor = state.supervisor.allowed;
  const locked = item.record.kind === 'recorded' || item.record.kind === 'saving';
  // Per item: ItemBoundary is keyed by the item, so the choice never carries to the next message.
  const [secondRead, setSecondRead] = useState(false);
  const decided = alreadyDecided(item.triage);
  const showRead = !decided || secondRead || item.record.kind !== 'idle';
  // The same words as the recording's (core's immediateRiskShown): the log row holds what was
  // shown. With a risk phrase in the body they open the pane, under the risk; after a "yes" alone,
  // they show before Record, where the handler is.
  const immediateRisk = immediateRiskOf(
    item.evaluation,
    item.gate.answers,
    state.settings.immediateRiskInstruction,
  );
  return (
    <>
      <Verdict
        item={item}
        riskInstruction={immediateRisk?.where === 'risk-headline' ? immediateRisk.words : undefined}
        evasionAction={
          supervisor
            ? (id) => <AddAddressAction strategyId={id} address={item.message.from.address} />
            : undefined
        }
      />
      <Adjustments strategies={matched} />
      {/* Near the top: a colleague sees at a glance that the message is already dealt with. */}
      <AlreadyTriaged triage={item.triage} secondRead={secondRead} onSecondRead={() => setSecondRead(true)} />
      <Flags flags={item.evaluation.flags} history={item.history} multiple={matched.length > 1} />
      {matched.map((st) => (
        <Essentials key={st.id} strategy={st} />
      ))}
      <BodyNotice body={item.body} />
      <MessageText
        subject={item.message.subject}
        body={item.message.body}
        indicators={item.evaluation.indicators}
        bodyRead={bodyWasRead(item.body)}
      />
      <Attachments
        state={item.attachments}
        open={item.gate.open}
        disabled={locked}
        onOpened={(opened) => controller.confirmOpened(opened)}
      />
      {showRead && (
        <>
          <ReadGate
            answers={item.gate.answers}
            pointers={pointersFor(item.evaluation.indicators)}
            disabled={locked}
            onAnswer={(q, v) => controller.answer(q, v)}
          />
          {immediateRisk?.where === 'before-record' && <ImmediateRisk instruction={immediateRisk.words} />}
          <RecordPanel
            item={item}
            pending={controller.pendingDisposition()}
            onRecord={() => void controller.record()}
            onForwardChange={(f) => controller.setForward(f)}
            onRetryMail={() => void controller.retryMail()}
            onDraftReminder={() => controller.draftReminder()}
          />
        </>
      )}
      {supervisor && (
        <Suspense fallback={<Spinner size="tiny" label="Loading supervisor tools…" labelPosition="after" />}>
          <SupervisorPanel item={item} state={state} />
        </Suspense>
      )}
      {state.supervisor.reason && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{state.supervisor.reason}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
