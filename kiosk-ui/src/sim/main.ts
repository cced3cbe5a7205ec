// Simulation panel: swipe test cards or raw track text, press the e-stop, walk into the arm's zone, open
// the cabinet door, let a customer walk up to the kiosk; shows safety and arm state, polled every 500 ms.
// Never shows a full PAN.
import { byRole, byTestId, el } from '../dom.ts';
import { applyMessages, t, type Locale } from '../i18n/index.ts';
import { SimApi, type GpioInput, type SimState } from './sim-api.ts';

const POLL_MS = 500;
const locale: Locale = new URLSearchParams(location.search).get('lang') === 'zh-CN' ? 'zh-CN' : 'en';
document.documentElement.lang = locale;
applyMessages(document, locale);

const api = new SimApi();
const cardsList = byRole<HTMLUListElement>('cards');
const rawForm = byRole<HTMLFormElement>('raw-form');
const rawInput = byTestId<HTMLInputElement>('sim-raw-input');
const estop = byTestId<HTMLButtonElement>('sim-estop');
const estopState = byRole('estop-state');
const presence = byTestId<HTMLButtonElement>('sim-presence');
const door = byTestId<HTMLButtonElement>('sim-door');
const customer = byTestId<HTMLButtonElement>('sim-customer');
const safetyState = byTestId('sim-safety-state');
const armState = byTestId('sim-arm-state');
const status = byRole('status');

let cardIds = '';

function report(promise: Promise<unknown>): void {
  promise.then(
    () => (status.textContent = t(locale, 'sim.sent')),
    (err: Error) => (status.textContent = t(locale, 'sim.failed', { reason: err.message })),
  );
  void promise.finally(poll);
}

function renderCards(state: SimState): void {
  const ids = state.cards.map((c) => c.id).join('\n');
  if (ids === cardIds) return;
  cardIds = ids;
  cardsList.replaceChildren(
    ...state.cards.map((card) => {
      const button = el('button', {
        className: 'primary',
        text: t(locale, 'sim.swipe'),
        testid: `sim-card-${card.id}`,
      });
      button.type = 'button';
      button.addEventListener('click', () => report(api.swipeCard(card.id)));
      return el(
        'li',
        {},
        el('span', { text: card.label }),
        el('span', { className: 'pan', text: card.maskedPan }),
        button,
      );
    }),
  );
}

function render(state: SimState): void {
  renderCards(state);
  estop.setAttribute('aria-pressed', String(state.gpio.estopPressed));
  estopState.textContent = t(locale, state.gpio.estopPressed ? 'sim.estopPressed' : 'sim.estopReleased');
  presence.setAttribute('aria-pressed', String(state.gpio.presence));
  door.setAttribute('aria-pressed', String(state.gpio.doorOpen));
  customer.setAttribute('aria-pressed', String(state.customer.line));
  safetyState.textContent = state.safety.cause
    ? `${state.safety.state} (${state.safety.cause})`
    : state.safety.state;
  armState.textContent = `${state.arm.state} · ${state.arm.link}`;
}

async function poll(): Promise<void> {
  try {
    render(await api.state());
  } catch {
    status.textContent = t(locale, 'sim.unreachable');
  }
}

function toggle(button: HTMLButtonElement, input: GpioInput): void {
  button.addEventListener('click', () => {
    // Toggle from what the button shows (the last poll, or the last click): what the operator saw.
    const active = button.getAttribute('aria-pressed') !== 'true';
    button.setAttribute('aria-pressed', String(active));
    report(api.setInput(input, active));
  });
}

toggle(estop, 'estop');
toggle(presence, 'presence');
toggle(door, 'door');
toggle(customer, 'customer');

rawForm.addEventListener('submit', (ev) => {
  ev.preventDefault();
  const raw = rawInput.value;
  // The track text is not kept: the box is emptied as soon as it is sent.
  rawInput.value = '';
  if (raw) report(api.swipeRaw(raw));
});

void poll();
setInterval(() => void poll(), POLL_MS);
