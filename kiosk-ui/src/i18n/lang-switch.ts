// The staff consoles' language switch: a select of the locales, the choice remembered in this browser
// (a preference, not a secret) and overridden by ?lang= in the address.
import { LOCALES, t, type Locale } from './index.ts';

const KEY = 'console.lang';

function saved(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

/** ?lang= first, then the remembered choice, then English. */
export function consoleLocale(search = location.search): Locale {
  const wanted = new URLSearchParams(search).get('lang') ?? saved();
  return LOCALES.find((l) => l === wanted) ?? 'en';
}

/** A labelled select (data-testid="lang-switch") showing `current`; `onChange` gets the new choice. */
export function createLangSwitch(current: Locale, onChange: (locale: Locale) => void): HTMLLabelElement {
  const label = document.createElement('label');
  label.className = 'lang-switch';
  const caption = document.createElement('span');
  caption.textContent = t(current, 'lang.label');
  const select = document.createElement('select');
  select.dataset.testid = 'lang-switch';
  for (const l of LOCALES) {
    const option = document.createElement('option');
    option.value = l;
    option.textContent = t(l, `lang.${l}`);
    option.selected = l === current;
    select.append(option);
  }
  select.addEventListener('change', () => {
    const next = LOCALES.find((l) => l === select.value) ?? 'en';
    try {
      localStorage.setItem(KEY, next);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
    caption.textContent = t(next, 'lang.label');
    onChange(next);
  });
  label.append(caption, select);
  return label;
}
