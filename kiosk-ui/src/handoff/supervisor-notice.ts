// The kiosk's notice that a supervisor has joined the call, in the customer's language: shown when a
// supervisor steps in (the hub tells the kiosk only then, not while they only listen) and gone when
// they leave. A live region, so a screen reader announces it as it appears.
import { el } from '../dom.ts';
import { t, type Locale } from '../i18n/index.ts';
import { SupervisorRoster } from './supervisor-roster.ts';

export class SupervisorNotice {
  readonly root = el('p', { className: 'handoff-supervisor', testid: 'handoff-supervisor' });
  private readonly roster = new SupervisorRoster();

  constructor(private readonly locale: Locale) {
    this.root.setAttribute('role', 'status');
    this.root.setAttribute('aria-live', 'assertive');
    this.root.hidden = true;
  }

  joined(name: string): void {
    if (this.roster.joined(name)) this.show();
  }

  left(name: string): void {
    if (this.roster.left(name)) this.show();
  }

  private show(): void {
    const names = this.roster.present;
    this.root.hidden = names.length === 0;
    this.root.textContent = names.length
      ? t(this.locale, 'handoff.supervisorJoined', { name: names.join(', ') })
      : '';
    this.root.dataset.supervisors = String(names.length);
  }
}
