// The Smart Alerts dialog as Outlook draws it: the add-in's name in the title bar (not ours to
// change), the add-in's message as plain text, and the buttons the send mode allows. A modal
// alert dialog: focus moves into it, stays in it, Escape is Don't send, and focus returns after.
export type AlertChoice = 'send-anyway' | 'dont-send';

function el(tag: string, attrs: Record<string, string> = {}, ...children: Array<Node | string>): HTMLElement {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) node.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return node;
}

export function createSmartAlert(addinName: string): {
  show(message: string, sendAnyway: boolean): Promise<AlertChoice>;
} {
  const backdrop = el('div', { id: 'smart-alert-backdrop' });
  Object.assign(backdrop.style, {
    position: 'fixed',
    inset: '0',
    background: 'rgba(0,0,0,.4)',
    placeItems: 'center',
    zIndex: '20',
  });
  const title = el('h2', { id: 'smart-alert-title' }, addinName);
  Object.assign(title.style, { fontSize: '16px', margin: '0 0 12px' });
  const text = el('p', { id: 'smart-alert-message' });
  Object.assign(text.style, { whiteSpace: 'pre-line', margin: '0 0 16px', lineHeight: '1.4' });
  const anyway = el(
    'button',
    { type: 'button', id: 'smart-alert-send-anyway' },
    'Send anyway',
  ) as HTMLButtonElement;
  const dont = el(
    'button',
    { type: 'button', id: 'smart-alert-dont-send' },
    "Don't send",
  ) as HTMLButtonElement;
  for (const b of [anyway, dont])
    Object.assign(b.style, { font: 'inherit', padding: '6px 16px', marginLeft: '8px' });
  Object.assign(dont.style, { background: '#0b5a9e', color: '#fff', border: '1px solid #0b5a9e' });
  const buttons = el('div', {}, anyway, dont);
  Object.assign(buttons.style, { textAlign: 'right' });
  const box = el(
    'div',
    {
      id: 'smart-alert',
      role: 'alertdialog',
      'aria-modal': 'true',
      'aria-labelledby': 'smart-alert-title',
      'aria-describedby': 'smart-alert-message',
    },
    title,
    text,
    buttons,
  );
  Object.assign(box.style, {
    background: '#fff',
    color: '#242424',
    maxWidth: '480px',
    padding: '20px 24px',
    border: '1px solid #8a8a8a',
    boxShadow: '0 8px 24px rgba(0,0,0,.3)',
  });
  backdrop.append(box);
  const showBackdrop = (on: boolean) => {
    backdrop.hidden = !on;
    backdrop.style.display = on ? 'grid' : 'none';
  };
  showBackdrop(false);
  document.body.append(backdrop);

  return {
    show(message, sendAnyway) {
      const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      text.textContent = message;
      anyway.hidden = !sendAnyway;
      showBackdrop(true);
      dont.focus();
      return new Promise((resolve) => {
        const close = (choice: AlertChoice) => {
          showBackdrop(false);
          anyway.removeEventListener('click', onAnyway);
          dont.removeEventListener('click', onDont);
          box.removeEventListener('keydown', onKey);
          returnTo?.focus();
          resolve(choice);
        };
        const onAnyway = () => close('send-anyway');
        const onDont = () => close('dont-send');
        const onKey = (event: KeyboardEvent) => {
          if (event.key === 'Escape') close('dont-send');
          if (event.key !== 'Tab') return;
          // Focus stays on the dialog's buttons while it is open.
          const visible = [anyway, dont].filter((b) => !b.hidden);
          const at = visible.indexOf(document.activeElement as HTMLButtonElement);
          const next = visible[(at + (event.shiftKey ? visible.length - 1 : 1)) % visible.length];
          event.preventDefault();
          next?.focus();
        };
        anyway.addEventListener('click', onAnyway);
        dont.addEventListener('click', onDont);
        box.addEventListener('keydown', onKey);
      });
    },
  };
}
