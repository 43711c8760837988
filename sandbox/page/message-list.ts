// The sandbox page's message list, kept as Outlook's behaves for a keyboard user. The page reads
// the folder again every few seconds; redrawing the list from scratch each time took keyboard
// focus away (to <body>) mid-use. So each message keeps its row and button across refreshes
// (updated in place, moved only when the order changes), and focus is put back on the same
// message if a row had to go. One button is in the tab order at a time (roving tabindex): the
// selected message's, else the first. Up and Down (and Home, End) move the selection, and the
// reading pane and the add-in follow it, as in Outlook. Text only: nothing is parsed as HTML.

export interface ListedMessage {
  id: string;
  unread: boolean;
  when: string;
  from: string;
  subject: string;
  categories: string[];
}

export interface MessageList {
  /** Shows `items` in order, `selectedId` marked current; focus stays where it was. */
  render(items: readonly ListedMessage[], selectedId: string | null): void;
}

function el(tag: string, attrs: Record<string, string> = {}, ...children: Array<Node | string>): HTMLElement {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) node.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return node;
}

const NAV_KEYS = new Set(['ArrowDown', 'ArrowUp', 'Home', 'End']);

export function createMessageList(list: HTMLElement, onSelect: (id: string) => void): MessageList {
  const rows = new Map<string, { li: HTMLElement; button: HTMLButtonElement; drawn: string }>();
  const buttons = (): HTMLButtonElement[] => [...list.querySelectorAll<HTMLButtonElement>('button')];

  /** Only one button is reachable with Tab: the one given, or the current one, or the first. */
  function rove(to?: HTMLButtonElement): void {
    const all = buttons();
    const target = to ?? all.find((b) => b.getAttribute('aria-current') === 'true') ?? all[0];
    for (const b of all) b.tabIndex = b === target ? 0 : -1;
  }

  list.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest('button');
    if (!button || !list.contains(button) || !button.dataset['messageId']) return;
    rove(button);
    onSelect(button.dataset['messageId']);
  });

  list.addEventListener('keydown', (event) => {
    if (!NAV_KEYS.has(event.key) || event.altKey || event.ctrlKey || event.metaKey) return;
    const all = buttons();
    if (all.length === 0) return;
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    const next =
      event.key === 'Home'
        ? 0
        : event.key === 'End'
          ? all.length - 1
          : Math.min(all.length - 1, Math.max(0, at + (event.key === 'ArrowDown' ? 1 : -1)));
    // The list scrolls with the selection; the page itself must not scroll as well.
    event.preventDefault();
    const target = all[next];
    if (!target || target === document.activeElement) return;
    rove(target);
    target.focus();
    const id = target.dataset['messageId'];
    if (id) onSelect(id);
  });

  function row(item: ListedMessage): { li: HTMLElement; button: HTMLButtonElement } {
    const drawn = JSON.stringify(item);
    let kept = rows.get(item.id);
    if (!kept) {
      const button = el('button', { type: 'button', 'data-message-id': item.id }) as HTMLButtonElement;
      kept = { li: el('li', {}, button), button, drawn: '' };
      rows.set(item.id, kept);
    }
    if (kept.drawn !== drawn) {
      // The button itself stays (and with it any focus on it); only its text is replaced.
      kept.button.replaceChildren(
        el('span', { class: 'when' }, item.when),
        el('span', { class: 'from' }, item.from),
        el('span', { class: 'subject' }, item.subject),
        el('span', { class: 'chips' }, ...item.categories.map((c) => el('span', { class: 'chip' }, c))),
      );
      kept.li.className = item.unread ? 'unread' : '';
      kept.drawn = drawn;
    }
    return kept;
  }

  return {
    render(items, selectedId) {
      const focused = document.activeElement;
      const inList = focused instanceof HTMLButtonElement && list.contains(focused);
      const focusedId = inList ? focused.dataset['messageId'] : undefined;
      const focusedAt = inList ? buttons().indexOf(focused) : -1;
      if (items.length === 0) {
        rows.clear();
        list.replaceChildren(el('li', { class: 'empty' }, 'No messages in this folder.'));
        return;
      }
      const wanted = items.map(row);
      const ids = new Set(items.map((i) => i.id));
      for (const id of [...rows.keys()]) if (!ids.has(id)) rows.delete(id);
      // Put rows in order, moving only those out of place: a moved node loses focus.
      wanted.forEach(({ li }, i) => {
        const here = list.children[i];
        if (here !== li) list.insertBefore(li, here ?? null);
      });
      while (list.children.length > wanted.length) list.lastElementChild?.remove();
      for (const item of items)
        rows.get(item.id)?.button.setAttribute('aria-current', String(item.id === selectedId));
      rove();
      if (focusedId !== undefined && !list.contains(document.activeElement)) {
        // The focused message's row was moved: focus it again. If it went (filed by the add-in),
        // focus the row now in its place, as Outlook moves on to the next message.
        const back = rows.get(focusedId)?.button ?? wanted[Math.min(focusedAt, wanted.length - 1)]?.button;
        back?.focus({ preventScroll: true });
      }
    },
  };
}
