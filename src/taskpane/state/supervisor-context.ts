// Hands the supervisor actions to the supervisor tools, which are loaded on demand and rendered
// deep in the item view: through context rather than props, and only where a provider gives them.
import { createContext, useContext } from 'react';
import type { SupervisorActions } from './supervisor';

export const SupervisorContext = createContext<SupervisorActions | null>(null);

/** The supervisor actions; throws when rendered outside a SupervisorContext provider. */
export function useSupervisor(): SupervisorActions {
  const actions = useContext(SupervisorContext);
  if (!actions) throw new Error('Supervisor tools were rendered without SupervisorContext.');
  return actions;
}
