import { DEFAULT_ARTICLES } from '@branch/cloud-sync';
import { describe, expect, it } from 'vitest';
import type { DialogueState } from '../kb/dialogue.ts';
import { createKioskUnderstander } from '../knowledge/kiosk-understander.ts';
import { dialogueTurn } from './dialogue-turn.ts';

const understander = createKioskUnderstander(DEFAULT_ARTICLES);

/** Plays a visit: each question with the state the previous turn left. */
function visit(locale: 'zh-CN' | 'en', ...questions: string[]) {
  let state: DialogueState = {};
  return questions.map((q) => {
    const turn = dialogueTurn(state, q, locale, understander, DEFAULT_ARTICLES);
    state = turn.state;
    return turn.answer;
  });
}

describe('dialogueTurn', () => {
  it('answers a follow-up from the last topic, saying the clause it asks about', () => {
    const [, saturday] = visit('zh-CN', '你们几点关门', '那周六呢');
    expect(saturday).toMatchObject({ articleId: 'branch-opening-hours', decision: 'answer' });
    expect(saturday?.spoken).toContain('周六 9:00-12:00');
    const [, foreign] = visit('en', 'what fees do you charge', 'and for foreign cards?');
    expect(foreign).toMatchObject({ articleId: 'service-fees' });
    expect(foreign?.spoken).toMatch(/^Foreign cards/);
  });

  it('asks whether a card was lost or kept by a machine, then answers the path chosen', () => {
    const [ask, kept] = visit('en', 'my card is gone', 'Kept by a machine');
    expect(ask).toMatchObject({
      decision: 'clarify',
      options: [{ title: 'Lost or stolen' }, { title: 'Kept by a machine' }],
    });
    expect(kept).toMatchObject({ decision: 'answer', articleId: 'atm-card-retained' });
    expect(visit('en', 'the ATM swallowed my card')[0]).toMatchObject({ articleId: 'atm-card-retained' });
  });

  it('asks the channel of a transfer limit and says the limit of that channel', () => {
    const [ask, counter] = visit('zh-CN', '转账额度是多少', '在柜台');
    expect(ask?.decision).toBe('clarify');
    expect(ask?.options?.map((o) => o.title)).toEqual(['手机银行或网银', '在柜台']);
    expect(counter?.articleId).toBe('transfer-limits');
    expect(counter?.spoken).toContain('柜面转账不设此限额');
  });

  it('takes a new topic over the old one when the question is clear', () => {
    const [, fx] = visit('en', 'what time do you open', 'I need to change dollars into euros');
    expect(fx?.articleId).toBe('foreign-exchange');
  });

  it('says how it understood each turn: a miss keeps the best guess, a tapped choice is answered', () => {
    const q = 'is there a good restaurant nearby';
    const miss = dialogueTurn({}, q, 'en', understander, DEFAULT_ARTICLES);
    expect(miss.answer.decision).toBe('none');
    const guess = understander.understand(q, 'en').candidates[0]?.id;
    expect(miss.understood).toEqual({
      outcome: 'miss',
      ...(guess ? { topic: guess } : {}),
      confidence: miss.answer.confidence,
    });
    const asked = dialogueTurn({}, 'my card is gone', 'en', understander, DEFAULT_ARTICLES);
    const tapped = dialogueTurn(asked.state, 'Kept by a machine', 'en', understander, DEFAULT_ARTICLES);
    expect(tapped.understood).toEqual({ outcome: 'answered', topic: 'atm-card-retained', confidence: 1 });
  });
});
