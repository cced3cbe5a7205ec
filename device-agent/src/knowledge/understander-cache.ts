// One understander per set of synced articles: rebuilt only when an article version changes (a sync
// pull, a supervisor's edit), not on every question.
import type { KnowledgeArticle } from '@branch/cloud-sync';
import type { QuestionUnderstander, UnderstandingSettings } from '../kb/understand-question.ts';
import { createKioskUnderstander } from './kiosk-understander.ts';

export class UnderstanderCache {
  private key = '';
  private current: QuestionUnderstander | undefined;

  constructor(private readonly settings: UnderstandingSettings) {}

  for(articles: KnowledgeArticle[]): QuestionUnderstander {
    const key = articles.map((a) => `${a.id}/${a.locale}/${a.version}`).join(',');
    if (!this.current || key !== this.key) {
      this.current = createKioskUnderstander(articles, this.settings);
      this.key = key;
    }
    return this.current;
  }
}
