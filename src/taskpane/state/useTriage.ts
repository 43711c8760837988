import { useSyncExternalStore } from 'react';
import type { TriageController } from './controller';
import type { PaneState } from './types';

/** The controller's state as React state: one subscription, re-rendered on every change. */
export function useTriage(controller: TriageController): PaneState {
  return useSyncExternalStore(controller.subscribe, controller.getState);
}
