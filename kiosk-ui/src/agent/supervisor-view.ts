// The Supervisor tab of the agent console (supervisors only): the live wallboard, quality scoring of
// recorded calls with the report per agent, the call desk's canned replies, and the CSV export. main.ts
// registers its tab button and tells it when it is shown; the wallboard refreshes only while it is.
import { el } from '../dom.ts';
import type { Locale } from '../i18n/index.ts';
import type { HubApi } from './hub-api.ts';
import { tabButton, type ConsoleTab } from './console-tab.ts';
import { createExportView } from './export-view.ts';
import { CallDeskApi } from './call-desk-api.ts';
import { createCannedView } from './canned-view.ts';
import { createQualityView } from './quality-view.ts';
import { SupervisorApi } from './supervisor-api.ts';
import { say, WALLBOARD_STRINGS } from './supervisor-strings.ts';
import { createWallboardView } from './wallboard-view.ts';
import './supervisor.css';

export function createSupervisorView(hub: HubApi, locale: Locale, onExpired: () => void): ConsoleTab {
  const api = new SupervisorApi(hub);
  const wallboard = createWallboardView(api, locale, onExpired);
  const quality = createQualityView(hub, api, locale, onExpired);
  const exports = createExportView(api, locale, onExpired);
  const canned = createCannedView(new CallDeskApi(hub), locale, onExpired);
  const button = tabButton(say(WALLBOARD_STRINGS, locale, 'supervisor.tab'), 'supervisor-tab');
  const root = el(
    'main',
    { className: 'console supervisor', testid: 'supervisor' },
    wallboard.root,
    el('div', { className: 'supervisor-side' }, quality.root, canned.root, exports.root),
  );
  root.hidden = true;

  const select = (on: boolean): void => {
    button.setAttribute('aria-selected', String(on));
    root.hidden = !on;
    if (!on) return wallboard.stop();
    wallboard.start();
    exports.show();
    void quality.show();
    void canned.show();
  };
  return {
    name: 'supervisor',
    button,
    root,
    select,
    /** The tab is there for a signed-in supervisor only (the hub enforces it too). */
    session(on: boolean): void {
      const shown = on && hub.agent?.role === 'supervisor';
      button.hidden = !shown;
      if (!shown) select(false);
    },
  };
}
