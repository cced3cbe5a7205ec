// The one-line status of a console form (publishing, published, failed), and a hub failure in words:
// shared by the Knowledge tab's editor and its missed-questions list.
import { t, type Locale } from '../i18n/index.ts';
import { HubError } from './hub-api.ts';

/** Sets the line's state (`data-state`) and text; an error is announced as an alert. */
export function statusLine(line: HTMLElement): (state: string, text: string) => void {
  return (state, text) => {
    line.dataset.state = state;
    line.textContent = text;
    line.classList.toggle('error', state === 'error');
    line.setAttribute('role', state === 'error' ? 'alert' : 'status');
  };
}

/** Why a hub call failed, for the person: the hub's own message, or that it is unreachable. */
export function hubFailure(locale: Locale, err: unknown): string {
  if (err instanceof HubError) return err.status === 0 ? t(locale, 'agent.unreachable') : err.message;
  return String(err);
}
