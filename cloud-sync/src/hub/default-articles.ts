// The simulated branch's starter knowledge base: generic answers (no real bank's data), each article
// in zh-CN and en. Version 1, in effect from the start of 2026.
import type { KnowledgeArticle, ProductRiskLevel } from '../schema/article.ts';

interface Text {
  title: string;
  body: string;
}

const FROM = '2026-01-01T00:00:00.000Z';

function both(
  id: string,
  tags: string[],
  zh: Text,
  en: Text,
  productRiskLevel?: ProductRiskLevel,
): KnowledgeArticle[] {
  const base = {
    id,
    version: 1,
    tags,
    effectiveFrom: FROM,
    ...(productRiskLevel ? { productRiskLevel } : {}),
  };
  return [
    { ...base, locale: 'zh-CN', ...zh },
    { ...base, locale: 'en', ...en },
  ];
}

export const DEFAULT_ARTICLES: KnowledgeArticle[] = [
  ...both(
    'branch-opening-hours',
    ['hours', 'branch', 'holiday'],
    {
      title: '网点营业时间',
      body: '本网点营业时间为周一至周五 9:00-17:00，周六 9:00-12:00，周日及法定节假日休息。自助服务区 24 小时开放。节假日安排以网点门口公告为准。',
    },
    {
      title: 'Branch opening hours',
      body: 'This branch is open Monday to Friday 9:00-17:00 and Saturday 9:00-12:00; it is closed on Sundays and public holidays. The self-service area is open 24 hours. Holiday changes are posted at the entrance.',
    },
  ),
  ...both(
    'card-lost-stolen',
    ['card', 'lost', 'stolen', 'freeze'],
    {
      title: '银行卡丢失或被盗',
      body: '请立即拨打客服热线或在手机银行中挂失冻结卡片，挂失即时生效。随后请携带本人有效身份证件到任一网点办理补卡，新卡一般 7 个工作日内寄到或到网点领取。如发现可疑交易，请同时报警并告知客服。',
    },
    {
      title: 'Lost or stolen card',
      body: 'Freeze the card at once through the customer hotline or the mobile app; the block takes effect immediately. Then bring your valid ID to any branch to order a replacement, usually ready within 7 working days. If you see transactions you did not make, report them to the police and to the hotline.',
    },
  ),
  ...both(
    'transfer-limits',
    ['transfer', 'limit', 'online banking'],
    {
      title: '转账限额',
      body: '手机银行和网上银行默认单笔转账限额 5 万元、单日累计 20 万元；柜面转账不设此限额，但大额交易需核实身份。您可在手机银行中调低限额；调高限额需本人携带身份证件到网点办理，并可能需要安全认证设备。',
    },
    {
      title: 'Transfer limits',
      body: 'By default, mobile and online banking allow up to 50,000 per transfer and 200,000 per day. Transfers at the counter have no such limit, but large amounts need identity checks. You can lower your limits in the app; raising them requires a visit to a branch with your ID and may need a security device.',
    },
  ),
  ...both(
    'foreign-exchange',
    ['currency', 'exchange', 'fx'],
    {
      title: '外币兑换',
      body: '本网点可办理美元、欧元、英镑、日元、港币等主要币种的兑换。现钞兑换按当日挂牌汇率执行，请携带本人有效身份证件。个人每年购汇额度以国家外汇管理规定为准。大额外币现钞请提前一个工作日预约。',
    },
    {
      title: 'Foreign currency exchange',
      body: 'This branch exchanges major currencies such as USD, EUR, GBP, JPY and HKD at the rates posted for the day. Please bring your valid ID. Annual personal purchase quotas follow national foreign-exchange rules. For large amounts of foreign cash, book one working day ahead.',
    },
  ),
  ...both(
    'update-phone-number',
    ['phone', 'contact', 'profile'],
    {
      title: '更换预留手机号',
      body: '原手机号仍可接收短信时，可在手机银行“个人设置”中自助修改。原手机号已停用时，请本人携带有效身份证件和银行卡到网点柜台办理。为保护您的资金安全，修改后 24 小时内部分交易可能需要额外验证。',
    },
    {
      title: 'Updating your phone number',
      body: 'If your old number can still receive text messages, change it yourself in the app under Profile settings. If the old number no longer works, come to the counter with your valid ID and your card. For your safety, some transactions may need extra verification in the first 24 hours after the change.',
    },
  ),
  ...both(
    'wealth-steady-income-fund',
    ['wealth', 'fund', 'investment', 'risk'],
    {
      title: '稳健收益理财产品（R3 中风险）',
      body: '该产品主要投资于债券及货币市场工具，少量配置权益类资产，风险等级为 R3（中风险），不保本，过往业绩不代表未来表现。购买前需完成风险承受能力评估，评估结果须为平衡型（C3）或以上。产品详情、费用和赎回规则请以产品说明书为准，理财经理可为您详细讲解。',
    },
    {
      title: 'Steady income wealth product (R3, medium risk)',
      body: 'This product invests mainly in bonds and money-market instruments with a small share of equities. Its risk level is R3 (medium); capital is not guaranteed and past returns do not predict future ones. You must complete a risk-tolerance assessment first, with a result of Balanced (C3) or higher. Fees and redemption rules are in the product prospectus; a wealth adviser can walk you through it.',
    },
    'R3',
  ),
  ...both(
    'atm-card-retained',
    ['atm', 'card', 'retained'],
    {
      title: 'ATM 吞卡怎么办',
      body: '请勿离开，记下 ATM 编号及时间，拨打机身上的服务电话或联系网点工作人员。营业时间内，本人携带有效身份证件可于当日或次日到该网点领回卡片。如非本网点 ATM，卡片将在 3 个工作日内转交发卡网点。',
    },
    {
      title: 'ATM kept my card',
      body: 'Stay at the machine, note the ATM number and the time, and call the service number on the ATM or ask branch staff. During opening hours you can collect the card with your valid ID, the same or the next day. If the ATM belongs to another branch, the card is sent to your issuing branch within 3 working days.',
    },
  ),
  ...both(
    'service-fees',
    ['fees', 'charges', 'account'],
    {
      title: '常见服务费用',
      body: '个人账户年费、小额账户管理费对代发工资账户和每人首个账户免收。同城同行转账免费；跨行转账通过手机银行免费，柜面办理按金额收取少量手续费。补办银行卡收取工本费。具体收费以网点公示的服务价目表为准。',
    },
    {
      title: 'Common service fees',
      body: "Annual and low-balance fees are waived for payroll accounts and for each customer's first account. Transfers within the bank are free; transfers to other banks are free in the app and carry a small charge at the counter. Replacing a card has a card fee. The fee schedule posted in the branch is authoritative.",
    },
  ),
  ...both(
    'open-account',
    ['account', 'open', 'documents'],
    {
      title: '开立个人账户',
      body: '请本人携带有效身份证件到网点办理，部分情况下需提供工作或居住证明。开户时需设置密码并预留本人手机号。未成年人开户需监护人陪同并提供户口簿或出生证明。整个流程约 20 分钟。',
    },
    {
      title: 'Opening a personal account',
      body: 'Come to the branch in person with your valid ID; in some cases we also ask for proof of work or residence. You will set a PIN and register your own phone number. Minors need a guardian present with a household register or birth certificate. It takes about 20 minutes.',
    },
  ),
];
