// One understander per set of synced articles: rebuilt only when an article version changes (a sync
// pull, a supervisor's edit), not on every question. A build takes about half a second, so it runs in
// slices in the background (the arm's heartbeat stops when the event loop is blocked for 100 ms) and
// questions keep the previous understander until the new one is ready; only the first ever waits.
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

export class UnderstanderCache {
  private current: { key: string; understander: QuestionUnderstander } | undefined;
  private building: { key: string; done: Promise<QuestionUnderstander> } | undefined;

  constructor(
    private readonly settings: UnderstandingSettings,
    private readonly build: BuildUnderstander = buildKioskUnderstander,
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

  /** The understander for a question: the latest built one, or (before the first) the first build. */
  for(articles: KnowledgeArticle[]): Promise<QuestionUnderstander> {
    const next = this.refresh(articles);
    if (!this.current) return next;
    // The previous model answers while the new one builds; a failed build is reported by refresh's caller.
    next.catch(() => undefined);
    return Promise.resolve(this.current.understander);
  }
}
