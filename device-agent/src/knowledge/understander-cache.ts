// One understander per set of synced articles: rebuilt only when an article version changes (a sync
// pull, a supervisor's edit), not on every question. A build takes about half a second, so it runs in
// slices in the background (the arm's heartbeat stops when the event loop is blocked for 100 ms). A
// question asked meanwhile waits for it (nothing else does: the build yields), so the customer is answered
// from the articles the kiosk has; only a build slower than maxWaitMs leaves it to the previous model.
import type { KnowledgeArticle } from '@branch/cloud-sync';
import type { QuestionUnderstander, UnderstandingSettings } from '../kb/understand-question.ts';
import { buildKioskUnderstander } from './kiosk-understander.ts';

export type BuildUnderstander = (
  articles: KnowledgeArticle[],
  settings: UnderstandingSettings,
) => Promise<QuestionUnderstander>;

/** The articles' identity: ids, locales and versions, in any order (the same set is the same model). */
export function articlesKey(articles: readonly KnowledgeArticle[]): string {
  return articles
    .map((a) => `${a.id}/${a.locale}/${a.version}`)
    .sort()
    .join(',');
}

/** How long a question waits for a build in progress before the previous understander answers it. */
export const DEFAULT_MAX_WAIT_MS = 3000;

export class UnderstanderCache {
  private current: { key: string; understander: QuestionUnderstander } | undefined;
  private building: { key: string; done: Promise<QuestionUnderstander> } | undefined;

  constructor(
    private readonly settings: UnderstandingSettings,
    private readonly build: BuildUnderstander = buildKioskUnderstander,
    private readonly maxWaitMs = DEFAULT_MAX_WAIT_MS,
  ) {}

  /**
   * Starts building for these articles unless that model is built or building; resolves with it.
   * A newer set of articles supersedes a build in progress (its result is then dropped).
   */
  refresh(articles: KnowledgeArticle[]): Promise<QuestionUnderstander> {
    const key = articlesKey(articles);
    if (this.current?.key === key) return Promise.resolve(this.current.understander);
    if (this.building?.key === key) return this.building.done;
    const done = this.build(articles, this.settings).then(
      (understander) => {
        if (this.building?.key === key) {
          this.current = { key, understander };
          this.building = undefined;
        }
        return understander;
      },
      (err: unknown) => {
        if (this.building?.key === key) this.building = undefined;
        throw err;
      },
    );
    this.building = { key, done };
    return done;
  }

  /**
   * The understander for a question on these articles: theirs once built (waiting for a build in
   * progress up to maxWaitMs), else the previous one; before the first, the first build.
   */
  async for(articles: KnowledgeArticle[]): Promise<QuestionUnderstander> {
    const next = this.refresh(articles);
    const previous = this.current?.understander;
    // Built already (every question but those during a rebuild): no wait to arm.
    if (!previous || this.building === undefined) return next;
    // A failed build is reported by refresh's caller; the previous model answers.
    const built = next.catch(() => previous);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<QuestionUnderstander>((resolve) => {
      timer = setTimeout(() => resolve(previous), this.maxWaitMs);
    });
    try {
      return await Promise.race([built, late]);
    } finally {
      clearTimeout(timer);
    }
  }
}
