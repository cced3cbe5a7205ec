// Dialogue rules of a visit, pure: follow-up questions that lean on the last topic ("那周六呢"), the
// guided flows that ask for a missing slot before answering (lost card vs a card kept by a machine; the
// channel of a transfer limit), and matching the customer's reply to the choices offered.

export interface Choice {
  /** The button's label, also what the customer may type or say to choose it. */
  title: string;
  articleId: string;
  /** Words of the article's sentence to say for this choice (a slot value), if any. */
  focus?: string[];
}

export interface DialogueState {
  /** The topic last answered. */
  topic?: string;
  /** Choices the kiosk just offered (a clarifying question or a slot question). */
  choices?: Choice[];
}

type Locale = 'zh-CN' | 'en';

interface SlotFlow {
  topics: string[];
  /** Questions that name the subject but not the slot ("my card is gone"), whatever the topic found. */
  vague?: Record<Locale, RegExp>;
  /** Words that already fill the slot: no need to ask. */
  decisive: Record<Locale, RegExp>;
  prompt: Record<Locale, string>;
  choices: Record<Locale, Choice[]>;
}

const FLOWS: SlotFlow[] = [
  {
    topics: ['card-lost-stolen', 'atm-card-retained'],
    vague: {
      'zh-CN': /卡.{0,4}(没了|不见了|没有了|出问题了)/,
      en: /\bcard\b.{0,12}\b(gone|disappeared|problem)/i,
    },
    decisive: {
      'zh-CN': /吞|吃|机器|取款机|柜员机|atm|丢|偷|盗|掉|找不到|挂失/i,
      en: /atm|machine|swallow|kept|\bate\b|eaten|stuck|lost|stolen|nicked|missing|dropp?ed|block/i,
    },
    prompt: {
      'zh-CN': '请问卡是丢了或被盗，还是被自助机器吞了？',
      en: 'Was the card lost or stolen, or kept by a machine?',
    },
    choices: {
      'zh-CN': [
        { title: '卡丢了或被盗', articleId: 'card-lost-stolen' },
        { title: '被机器吞了', articleId: 'atm-card-retained' },
      ],
      en: [
        { title: 'Lost or stolen', articleId: 'card-lost-stolen' },
        { title: 'Kept by a machine', articleId: 'atm-card-retained' },
      ],
    },
  },
  {
    topics: ['transfer-limits'],
    decisive: {
      'zh-CN': /手机|网银|网上|app|柜台|柜面/i,
      en: /app|online|mobile|internet|phone|counter|teller/i,
    },
    prompt: { 'zh-CN': '请问您是用哪种方式转账？', en: 'How do you make the transfer?' },
    choices: {
      'zh-CN': [
        { title: '手机银行或网银', articleId: 'transfer-limits', focus: ['手机银行', '网上银行'] },
        { title: '在柜台', articleId: 'transfer-limits', focus: ['柜面'] },
      ],
      en: [
        { title: 'App or online banking', articleId: 'transfer-limits', focus: ['mobile', 'online'] },
        { title: 'At the counter', articleId: 'transfer-limits', focus: ['counter'] },
      ],
    },
  },
];

/** The slot question to ask before answering (`topic` when one was found), when the slot is open. */
export function slotQuestion(
  topic: string | undefined,
  question: string,
  locale: Locale,
): { prompt: string; choices: Choice[] } | undefined {
  const flow = FLOWS.find(
    (f) => (topic !== undefined && f.topics.includes(topic)) || f.vague?.[locale].test(question),
  );
  if (!flow || flow.decisive[locale].test(question)) return undefined;
  return { prompt: flow.prompt[locale], choices: flow.choices[locale] };
}

/** The offered choice the reply names (its label, or a label inside a longer reply). */
export function matchChoice(reply: string, choices: Choice[] | undefined): Choice | undefined {
  const r = reply.trim().toLowerCase();
  if (r === '' || !choices) return undefined;
  return (
    choices.find((c) => c.title.toLowerCase() === r) ?? choices.find((c) => r.includes(c.title.toLowerCase()))
  );
}

const FOLLOW_UP: Record<Locale, RegExp> = {
  'zh-CN': /^(那|那么|还有|如果是|要是)|呢[？?]?$/,
  en: /^(and|what about|how about|what if|for)\b/i,
};

/** Whether the question leans on what was said before ("那周六呢", "and for foreign cards?"). */
export function looksLikeFollowUp(question: string, locale: Locale): boolean {
  return FOLLOW_UP[locale].test(question.trim());
}

/** The clause of `body` that mentions most of `words` (whole text when none does). */
export function focusClause(body: string, words: string[]): string | undefined {
  const clauses = body.match(/[^。；;.!?！？]+[。；;.!?！？]?/gu) ?? [];
  let best: { clause: string; hits: number } | undefined;
  for (const clause of clauses) {
    const lower = clause.toLowerCase();
    const hits = words.filter((w) => w !== '' && lower.includes(w.toLowerCase())).length;
    if (hits > 0 && (!best || hits > best.hits)) best = { clause: clause.trim(), hits };
  }
  return best?.clause.replace(/[；;]$/u, locale(best.clause));
}

function locale(clause: string): string {
  return /[\u4e00-\u9fff]/.test(clause) ? '。' : '.';
}
