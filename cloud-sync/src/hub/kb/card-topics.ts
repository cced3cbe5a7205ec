// Starter topics about cards (besides lost and retained cards, which are starter topics of their own).
import type { KnowledgeArticle } from '../../schema/article.ts';
import { articlePair } from './article-pair.ts';

export const CARD_TOPICS: KnowledgeArticle[] = [
  ...articlePair(
    'card-activation',
    ['card', 'activation'],
    {
      title: '新卡激活',
      body: '新借记卡在网点领取时即已激活，首次使用前请在 ATM 或柜台修改初始密码。邮寄到家的新卡，请在手机银行“卡片管理”中输入卡号和验证码激活，或本人携带身份证件到网点激活。激活后即可消费和取现。',
      ask: ['新卡怎么激活', '卡寄到了用不了', '刚领的卡要开通吗', '激活银行卡', '新卡第一次怎么用'],
      syn: ['激活', '开通', '启用', '新卡', '寄到'],
    },
    {
      title: 'Activating a new card',
      body: 'A debit card collected at the branch is already active; change the initial PIN at an ATM or the counter before first use. A card sent by post is activated in the app under Card management with the card number and a code, or at a branch with your ID. After activation you can pay and withdraw cash.',
      ask: [
        'how do I activate my new card',
        'new card came in the post',
        'card not working its new',
        'activate debit card',
        'start using my new card',
      ],
      syn: ['activate', 'activation', 'new card', 'switch on', 'enable'],
    },
  ),
  ...articlePair(
    'card-pin-reset',
    ['card', 'pin', 'password'],
    {
      title: '银行卡密码重置与解锁',
      body: '连续输错密码 3 次，卡片当日会被锁定，次日自动解锁。忘记密码需重置时，请本人携带身份证件和银行卡到柜台办理，也可在手机银行通过人脸识别重置。工作人员不会询问您的密码，请勿告诉任何人。',
      ask: ['密码忘了怎么办', '密码输错三次锁了', '怎么重置取款密码', '卡密码想改一下', '密码被锁能解开吗'],
      syn: ['密码', '忘记密码', '重置', '锁卡', '输错', '解锁', '改密码'],
    },
    {
      title: 'Resetting or unlocking your PIN',
      body: 'After three wrong PIN attempts the card is locked for the day and unlocks the next day. If you forgot the PIN, reset it at the counter with your ID and card, or in the app with face verification. Staff will never ask for your PIN; do not tell it to anyone.',
      ask: [
        'I forgot my PIN',
        'card locked after wrong pin',
        'how to reset my pin',
        'change my card pin',
        'unlock my pin',
      ],
      syn: ['pin', 'password', 'forgot pin', 'reset', 'locked', 'wrong pin', 'passcode'],
    },
  ),
  ...articlePair(
    'card-spending-limits',
    ['card', 'limit', 'withdrawal'],
    {
      title: '银行卡取现和消费限额',
      body: '借记卡在 ATM 每日取现上限为 2 万元，单笔最多 2500 元；刷卡消费默认每日 5 万元。您可在手机银行“卡片管理”中调低限额或临时调高消费限额；长期调高请本人到网点办理。境外取现另有限额。',
      ask: ['ATM一天最多取多少', '刷卡消费有上限吗', '取现额度不够', '卡消费限额怎么调', '一次能取多少钱'],
      syn: ['取现', '取款限额', '消费限额', '刷卡', '上限', '额度'],
    },
    {
      title: 'Card withdrawal and spending limits',
      body: 'A debit card can withdraw up to 20,000 a day at ATMs, at most 2,500 per withdrawal; card payments are capped at 50,000 a day by default. You can lower the limits or raise the spending limit for a while in the app under Card management; a lasting increase needs a branch visit. Cash abroad has its own limits.',
      ask: [
        'how much cash can I take out per day',
        'card payment limit',
        'ATM withdrawal max',
        'raise my spending limit on card',
        'why cant I withdraw more',
      ],
      syn: ['withdrawal limit', 'spending limit', 'cash limit', 'atm limit', 'card limit'],
    },
  ),
  ...articlePair(
    'card-replacement',
    ['card', 'replace', 'expired', 'damaged'],
    {
      title: '银行卡损坏或到期换卡',
      body: '卡片磁条或芯片损坏、卡面断裂或即将到期时，可本人携带身份证件和原卡到网点换卡，卡号不变。到期换卡免费，损坏换卡收取少量工本费。新卡当场或 7 个工作日内领取，原卡绑定的代扣业务一般自动延续。',
      ask: ['卡坏了刷不出来', '卡快过期了怎么换', '芯片坏了', '卡折断了能换吗', '换张新卡卡号变吗'],
      syn: ['换卡', '坏卡', '过期', '到期', '芯片', '磁条', '消磁'],
    },
    {
      title: 'Replacing a damaged or expiring card',
      body: 'If the chip or stripe is damaged, the card is cracked or it is about to expire, bring your ID and the old card to a branch for a new one with the same number. Replacing an expiring card is free; a damaged card has a small card fee. You get it on the spot or within 7 working days, and direct debits on the card usually carry over.',
      ask: [
        'my card is broken',
        'card expires next month',
        'chip not reading',
        'card snapped in half',
        'replace my old card',
      ],
      syn: ['replace', 'damaged', 'expired', 'expiring', 'broken', 'chip'],
    },
  ),
  ...articlePair(
    'credit-card-apply',
    ['credit card', 'apply'],
    {
      title: '申请信用卡',
      body: '年满 18 周岁、有稳定收入的客户可申请信用卡：在手机银行在线申请，或本人携带身份证件和收入证明到网点申请。审批一般需 7 至 15 个工作日，额度根据综合情况核定。信用卡请按时还款，逾期将影响个人征信。',
      ask: ['怎么办信用卡', '信用卡额度多少', '我能申请信用卡吗', '办张信用卡要什么', '信用卡多久批下来'],
      syn: ['信用卡', '贷记卡', '额度', '办卡', '申请'],
    },
    {
      title: 'Applying for a credit card',
      body: 'Customers aged 18 or over with a steady income can apply for a credit card in the app or at a branch with ID and proof of income. Approval usually takes 7 to 15 working days and the credit limit depends on your overall situation. Repay on time: late payments affect your credit record.',
      ask: [
        'how do I get a credit card',
        'apply for credit card',
        'whats the credit limit',
        'can I have a credit card',
        'credit card approval time',
      ],
      syn: ['credit card', 'credit limit', 'visa', 'mastercard', 'apply'],
    },
  ),
];
