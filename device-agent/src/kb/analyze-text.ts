// Turns a question or an article field into search terms: Chinese runs cut into words by the injected
// segmenter, English words lower-cased, stop words dropped and stemmed (Porter). Pure.
import { stemmer } from 'stemmer';
import { normalizeText } from './normalize-text.ts';
import type { Segmenter } from './segmenter.ts';

const CJK_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[a-z0-9]+/g;
const CJK_ONLY_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
const CJK = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

const EN_STOPWORDS = new Set(
  (
    'a an and are as at be by can could do does did for from how i if in is it me my of on or so that the ' +
    'this to what when where which who why will with you your u ur im pls please want need would like ' +
    'we us our there get got have has just some any hi hello wanna gonna gotta plz pls guys'
  ).split(' '),
);

/** Words that carry no topic in a customer's Chinese question. */
const ZH_STOPWORDS = new Set(
  (
    '的 了 吗 呢 吧 啊 呀 哦 嘛 我 你 您 他 她 是 在 有 和 与 及 或 就 都 也 请问 请 怎么 怎么办 怎样 咋 咋办 ' +
    '什么 啥 个 这 那 这个 那个 要 想 能 可以 一下 你们 我们 我的 给 把 被 还 吗 不 没 了吗 么 办 弄 下 ' +
    // Courtesy and filler of spoken questions: no topic, and unseen they would count as off-topic.
    '你好 您好 麻烦 麻烦你 问 问问 想问 问一下 打听 就是 然后 帮 帮我 帮忙 谢谢 应该 是不是 能不能 ' +
    '可不可以 行不行 知道 告诉 一般 大概 具体 如何 现在 先 该 应该 已经 刚 刚才 一直 还是 或者 如果 的话 ' +
    '这样 那样 怎么样 好 嗯 哎 唉 诶 做 啊'
  ).split(' '),
);

export interface TextAnalyzer {
  /** Search terms of a text. */
  terms(text: string): string[];
}

export function createTextAnalyzer(segmenter: Segmenter): TextAnalyzer {
  return {
    terms(text) {
      const out: string[] = [];
      for (const run of normalizeText(text).toLowerCase().match(CJK_RUN) ?? []) {
        if (CJK.test(run)) {
          for (const w of segmenter.cut(run)) if (!ZH_STOPWORDS.has(w)) out.push(w);
        } else if (!EN_STOPWORDS.has(run)) {
          out.push(/^[0-9]+$/.test(run) ? run : stemmer(run));
        }
      }
      return out;
    },
  };
}

/** Single Chinese characters of a text: a second, typo-tolerant feature set for the classifier. */
export function cjkCharacters(text: string): string[] {
  return [...normalizeText(text)].filter((c) => CJK.test(c) && !ZH_STOPWORDS.has(c));
}

/** Pairs of neighbouring Chinese characters within a run: catch words jieba cuts differently. */
export function cjkBigrams(text: string): string[] {
  const out: string[] = [];
  for (const run of normalizeText(text).match(CJK_ONLY_RUN) ?? []) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  }
  return out;
}
