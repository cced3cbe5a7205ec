// A tab of the agent console that registers itself: its button in the tab bar, its page, and what it
// does when chosen and when the agent signs in or out. main.ts keeps a list of them.
export interface ConsoleTab {
  readonly name: string;
  readonly button: HTMLButtonElement;
  readonly root: HTMLElement;
  /** Shown (true) or hidden (false) as the tab is chosen or another is. */
  select(on: boolean): void;
  /** Signed in (true) or out (false). */
  session(on: boolean): void;
}

/** The tab bar's button of a registered tab. */
export function tabButton(text: string, testid: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.setAttribute('role', 'tab');
  b.setAttribute('aria-selected', 'false');
  b.dataset.testid = testid;
  b.textContent = text;
  b.hidden = true;
  return b;
}
