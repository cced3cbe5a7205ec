import { DEFAULT_ARTICLES } from '@branch/cloud-sync';
import { createKioskUnderstander } from '../src/knowledge/kiosk-understander.ts';
const base = createKioskUnderstander(DEFAULT_ARTICLES);
const probes: [string, 'en' | 'zh-CN', string][] = [
  ['where can I plug in my laptop', 'en', 'branch-facilities'],
  ['is there somewhere to charge my laptop', 'en', 'branch-facilities'],
  ['can my dog come in with me', 'en', 'branch-facilities'],
  ['can I bring my dog inside', 'en', 'branch-facilities'],
  ['笔记本电脑能在哪儿插电', 'zh-CN', 'branch-facilities'],
  ['能带宠物狗进来吗', 'zh-CN', 'branch-facilities'],
  ['我家狗能进大厅吗', 'zh-CN', 'branch-facilities'],
];
for (const [q, l, target] of probes) {
  const u = base.understand(q, l);
  const more = DEFAULT_ARTICLES.map((a) => (a.id === target && a.locale === l ? { ...a, exampleQuestions: [...(a.exampleQuestions ?? []), q] } : a));
  const after = createKioskUnderstander(more).understand(q, l);
  console.log(q, u.decision, u.intent, u.candidates[0]?.id, u.confidence.toFixed(2), '=>', after.decision, after.intent, after.confidence.toFixed(2));
}
