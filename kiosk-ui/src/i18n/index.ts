// Message lookup with {placeholder} substitution. Strings live only in en.ts and zh-CN.ts (the kiosk
// and the older console parts) and console-en.ts and console-zh-CN.ts (the staff consoles' newer parts).
import { consoleEn, type ConsoleKey } from './console-en.ts';
import { consoleZhCN } from './console-zh-CN.ts';
import { en, type MessageKey as PageKey } from './en.ts';
import { zhCN } from './zh-CN.ts';

export type Locale = 'zh-CN' | 'en';
export type MessageKey = PageKey | ConsoleKey;
export const LOCALES: readonly Locale[] = ['en', 'zh-CN'];

export const messages: Record<Locale, Record<MessageKey, string>> = {
  en: { ...en, ...consoleEn },
  'zh-CN': { ...zhCN, ...consoleZhCN },
};

export function t(locale: Locale, key: MessageKey, vars: Record<string, string | number> = {}): string {
  return messages[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

/** Placeholder names used in a message, for the completeness test. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}

/** Fills every element carrying data-i18n="key" (text) or data-i18n-placeholder="key" under `root`. */
export function applyMessages(root: ParentNode, locale: Locale): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    el.textContent = t(locale, el.dataset.i18n as MessageKey);
  }
  for (const el of root.querySelectorAll<HTMLInputElement>('[data-i18n-placeholder]')) {
    el.placeholder = t(locale, el.dataset.i18nPlaceholder as MessageKey);
  }
}
