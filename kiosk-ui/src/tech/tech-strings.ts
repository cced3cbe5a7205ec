// Strings of the technician console: the `tech.*` keys of the shared tables (i18n/console-en.ts and
// console-zh-CN.ts, checked by type and by test like the kiosk's), in the page's current language.
import { t, type Locale, type MessageKey } from '../i18n/index.ts';

export type TechKey = Extract<MessageKey, `tech.${string}`> extends `tech.${infer K}` ? K : never;

export function techLocale(): Locale {
  return document.documentElement.lang === 'zh-CN' ? 'zh-CN' : 'en';
}

export function techT(key: TechKey, vars: Record<string, string | number> = {}): string {
  return t(techLocale(), `tech.${key}`, vars);
}

/** A runbook run's end status in the page's language (an unknown one as it came). */
export function runStatusText(status: string): string {
  return status === 'succeeded' || status === 'failed' || status === 'aborted'
    ? techT(`run.${status}`)
    : status;
}

/** Writes every `data-t` label in the current language (at start and after a language switch). */
export function applyTechLabels(root: ParentNode = document): void {
  for (const node of root.querySelectorAll<HTMLElement>('[data-t]'))
    node.textContent = techT(node.dataset.t as TechKey);
}
