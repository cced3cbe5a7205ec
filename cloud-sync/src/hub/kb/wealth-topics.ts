// Starter wealth-product topics, R1 to R5. Each carries its risk level so the kiosk keeps the
// suitability check in force before it says anything that could read as a recommendation.
import type { KnowledgeArticle } from '../../schema/article.ts';
import { articlePair } from './article-pair.ts';

export const WEALTH_TOPICS: KnowledgeArticle[] = [
  ...articlePair(
    'wealth-cash-management',
    ['wealth', 'cash management', 'low risk'],
    {
      title: '现金管理类理财（R1 低风险）',
      body: '该产品投资于存款、货币市场工具等高流动性资产，风险等级为 R1（低风险），可每日申购赎回，但不等同于存款，不保本。购买前需完成风险承受能力评估。收益以产品说明书和实际运作为准。',
      ask: [
        '有没有随存随取的理财',
        '低风险理财有哪些',
        '比活期收益高一点的',
        '余额理财安全吗',
        '最保守的理财',
      ],
      syn: ['现金管理', '低风险', 'R1', '随存随取', '活钱', '货币基金'],
    },
    {
      title: 'Cash management product (R1, low risk)',
      body: 'This product holds deposits and money-market instruments that are easy to sell. Its risk level is R1 (low); you can buy and redeem daily, but it is not a deposit and capital is not guaranteed. A risk-tolerance assessment is required before buying. Returns follow the prospectus and actual performance.',
      ask: [
        'safest investment you have',
        'low risk product with easy access',
        'better than savings but withdraw anytime',
        'money market fund',
        'R1 product',
      ],
      syn: ['cash management', 'low risk', 'r1', 'money market', 'liquid'],
    },
    'R1',
  ),
  ...articlePair(
    'wealth-bond-fund',
    ['wealth', 'bond', 'fixed income'],
    {
      title: '纯债理财产品（R2 中低风险）',
      body: '该产品主要投资于国债、金融债和高等级信用债，风险等级为 R2（中低风险），净值会有波动，不保本，过往业绩不代表未来表现。购买前需完成风险承受能力评估，结果须为稳健型（C2）或以上。',
      ask: ['债券理财怎么样', '中低风险的产品', '固收类理财', 'R2的理财有吗', '买点债'],
      syn: ['债券', '纯债', '固收', '中低风险', 'R2'],
    },
    {
      title: 'Bond wealth product (R2, medium-low risk)',
      body: 'This product invests mainly in government, financial and high-grade corporate bonds. Its risk level is R2 (medium-low); its value moves, capital is not guaranteed and past returns do not predict future ones. You need a risk-tolerance assessment of Conservative-plus (C2) or higher before buying.',
      ask: [
        'tell me about bond funds',
        'fixed income product',
        'medium low risk investment',
        'R2 product',
        'invest in bonds',
      ],
      syn: ['bond', 'fixed income', 'r2', 'medium-low risk', 'debt fund'],
    },
    'R2',
  ),
  ...articlePair(
    'wealth-balanced-equity-fund',
    ['wealth', 'equity', 'fund'],
    {
      title: '股债混合基金（R4 中高风险）',
      body: '该基金投资于股票和债券，股票占比较高，风险等级为 R4（中高风险），净值波动较大，可能亏损本金。购买前需完成风险承受能力评估，结果须为成长型（C4）或以上。详情以基金合同和招募说明书为准。',
      ask: ['混合基金风险大吗', '想买点股票基金', '收益高一点的基金', 'R4产品', '偏股的基金'],
      syn: ['混合基金', '股票基金', '偏股', '中高风险', 'R4', '基金'],
    },
    {
      title: 'Balanced equity fund (R4, medium-high risk)',
      body: 'This fund holds shares and bonds, mostly shares. Its risk level is R4 (medium-high): its value can swing widely and you can lose money. You need a risk-tolerance assessment of Growth (C4) or higher before buying. Details are in the fund contract and prospectus.',
      ask: [
        'I want a stock fund',
        'higher return fund',
        'mixed equity fund risk',
        'R4 fund',
        'invest in shares',
      ],
      syn: ['equity fund', 'stock fund', 'shares', 'r4', 'medium-high risk', 'mutual fund'],
    },
    'R4',
  ),
  ...articlePair(
    'wealth-gold-account',
    ['wealth', 'gold', 'precious metals'],
    {
      title: '积存金（R4 中高风险）',
      body: '积存金按克买卖，价格随国际金价波动，风险等级为 R4（中高风险），可能亏损本金。可定期定额积存，也可兑换实物金条。购买前需完成风险承受能力评估，结果须为成长型（C4）或以上。',
      ask: ['买黄金怎么买', '积存金是啥', '金价跌了会亏吗', '能买金条吗', '投资黄金'],
      syn: ['黄金', '积存金', '金条', '贵金属', '金价'],
    },
    {
      title: 'Gold savings account (R4, medium-high risk)',
      body: 'You buy and sell gold by the gram at prices that follow the world gold price. Its risk level is R4 (medium-high) and you can lose money. You can save a fixed amount regularly or swap for physical bars. You need a risk-tolerance assessment of Growth (C4) or higher before buying.',
      ask: [
        'can I buy gold here',
        'gold investment',
        'gold bars',
        'what if gold price drops',
        'precious metals account',
      ],
      syn: ['gold', 'bullion', 'precious metals', 'gold price', 'bars'],
    },
    'R4',
  ),
  ...articlePair(
    'wealth-sector-equity-fund',
    ['wealth', 'equity', 'high risk'],
    {
      title: '行业主题股票基金（R5 高风险）',
      body: '该基金集中投资于单一行业股票，风险等级为 R5（高风险），净值波动很大，可能大幅亏损本金。仅适合风险承受能力评估为进取型（C5）的客户。请阅读基金合同，理财经理不会承诺收益。',
      ask: ['风险最高的基金', '高风险高收益的', '科技主题基金', 'R5能买吗', '激进一点的投资'],
      syn: ['高风险', 'R5', '主题基金', '行业基金', '激进', '进取'],
    },
    {
      title: 'Sector equity fund (R5, high risk)',
      body: 'This fund invests in the shares of a single industry. Its risk level is R5 (high): its value can swing a great deal and you can lose much of your money. It suits only customers assessed as Aggressive (C5). Read the fund contract; advisers never promise returns.',
      ask: [
        'highest risk fund',
        'aggressive investment',
        'tech sector fund',
        'R5 product',
        'high risk high return',
      ],
      syn: ['high risk', 'r5', 'sector fund', 'aggressive', 'thematic'],
    },
    'R5',
  ),
  ...articlePair(
    'risk-assessment',
    ['wealth', 'suitability', 'assessment'],
    {
      title: '风险承受能力评估',
      body: '购买理财和基金前，须完成风险承受能力评估（问卷），结果分为 C1 保守型至 C5 进取型，只能购买不高于自身等级的产品。评估有效期一般为一年，可在手机银行或网点完成，过期需重新评估。',
      ask: ['风险测评怎么做', '为什么让我做问卷', '我的风险等级过期了', '测评结果能改吗', '买理财前要测试吗'],
      syn: ['风险测评', '风评', '问卷', '评估', '风险等级', '适当性'],
    },
    {
      title: 'Risk-tolerance assessment',
      body: 'Before buying any wealth product or fund you must complete a risk-tolerance questionnaire. It rates you from C1 Conservative to C5 Aggressive, and you can buy only products at or below your level. It is usually valid for one year; take it in the app or at a branch, and again when it expires.',
      ask: [
        'what is the risk questionnaire',
        'my risk profile expired',
        'redo risk assessment',
        'why do I need a risk test',
        'check my investor profile',
      ],
      syn: ['risk assessment', 'questionnaire', 'risk profile', 'suitability', 'investor profile'],
    },
  ),
];
