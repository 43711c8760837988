// Settings the pane falls back to when the settings list cannot be read at all, so a handler can
// still read, decide and file (with a visible warning). The same defaults the Graph layer uses
// for an empty list, so folder and category names match whatever provisioning created; the
// supervisor list is empty, so supervisor functions stay hidden.
import { DEFAULT_SETTINGS } from '../../graph/settings';
import type { Settings } from '../../graph/types';

export const FALLBACK_SETTINGS: Settings = DEFAULT_SETTINGS;
