// The simulated branch's starter knowledge base: generic answers (no real bank's data), each topic in
// zh-CN and en with example questions and synonyms. The first nine are the original starter topics (their
// ids are kept); the rest live in kb/ by subject.
import type { KnowledgeArticle } from '../schema/article.ts';
import { articlePair } from './kb/article-pair.ts';
import { ACCOUNT_TOPICS } from './kb/account-topics.ts';
import { CARD_TOPICS } from './kb/card-topics.ts';
import { SERVICE_TOPICS } from './kb/service-topics.ts';
import { WEALTH_TOPICS } from './kb/wealth-topics.ts';
import { withMorePhrasings } from './kb/with-more-phrasings.ts';

const STARTER_TOPICS: KnowledgeArticle[] = [
  ...articlePair(
    'branch-opening-hours',
    ['hours', 'branch', 'holiday'],
    {
      title: '网点营业时间',
      body: '本网点营业时间为周一至周五 9:00-17:00，周六 9:00-12:00，周日及法定节假日休息。自助服务区 24 小时开放。节假日安排以网点门口公告为准。',
      ask: ['你们几点开门', '今天营业到几点', '周末上班吗', '几点关门啊', '中午休息吗', '这会儿还营业吗'],
      syn: ['营业时间', '上班时间', '下班', '关门', '开门', '几点'],
    },
    {
      title: 'Branch opening hours',
      body: 'This branch is open Monday to Friday 9:00-17:00 and Saturday 9:00-12:00; it is closed on Sundays and public holidays. The self-service area is open 24 hours. Holiday changes are posted at the entrance.',
      ask: [
        'what time do you open',
        'are you open today',
        'when do you close',
        'opening times?',
        'are you open on weekends',
      ],
      syn: ['hours', 'open', 'close', 'closing time', 'opening times', 'timetable'],
    },
  ),
  ...articlePair(
    'card-lost-stolen',
    ['card', 'lost', 'stolen', 'freeze'],
    {
      title: '银行卡丢失或被盗',
      body: '请立即拨打客服热线或在手机银行中挂失冻结卡片，挂失即时生效。随后请携带本人有效身份证件到任一网点办理补卡，新卡一般 7 个工作日内寄到或到网点领取。如发现可疑交易，请同时报警并告知客服。',
      ask: ['我卡丢了怎么办', '银行卡被偷了', '钱包丢了卡也没了', '怎么挂失银行卡', '卡找不到了要冻结'],
      syn: ['挂失', '丢卡', '卡丢了', '被盗', '冻结', '补卡'],
    },
    {
      title: 'Lost or stolen card',
      body: 'Freeze the card at once through the customer hotline or the mobile app; the block takes effect immediately. Then bring your valid ID to any branch to order a replacement, usually ready within 7 working days. If you see transactions you did not make, report them to the police and to the hotline.',
      ask: [
        'I lost my card',
        'my card was stolen',
        'how do I block my card',
        'cant find my debit card',
        'report a stolen card',
      ],
      syn: ['lost', 'stolen', 'block', 'freeze', 'missing', 'cancel card', 'nicked', 'pickpocketed'],
    },
  ),
  ...articlePair(
    'transfer-limits',
    ['transfer', 'limit', 'online banking'],
    {
      title: '转账限额',
      body: '手机银行和网上银行默认单笔转账限额 5 万元、单日累计 20 万元；柜面转账不设此限额，但大额交易需核实身份。您可在手机银行中调低限额；调高限额需本人携带身份证件到网点办理，并可能需要安全认证设备。',
      ask: [
        '手机银行一天能转多少',
        '转账额度怎么调高',
        '转账提示超限额',
        '单笔最多转多少钱',
        '想提高转账限额',
      ],
      syn: ['限额', '额度', '转账上限', '超限', '调额'],
    },
    {
      title: 'Transfer limits',
      body: 'By default, mobile and online banking allow up to 50,000 per transfer and 200,000 per day. Transfers at the counter have no such limit, but large amounts need identity checks. You can lower your limits in the app; raising them requires a visit to a branch with your ID and may need a security device.',
      ask: [
        'how much can I transfer a day',
        'raise my transfer limit',
        'transfer says limit exceeded',
        'max amount per transfer',
        'daily transfer cap',
      ],
      syn: ['limit', 'cap', 'maximum', 'daily limit', 'exceeded'],
    },
  ),
  ...articlePair(
    'foreign-exchange',
    ['currency', 'exchange', 'fx'],
    {
      title: '外币兑换',
      body: '本网点可办理美元、欧元、英镑、日元、港币等主要币种的兑换。现钞兑换按当日挂牌汇率执行，请携带本人有效身份证件。个人每年购汇额度以国家外汇管理规定为准。大额外币现钞请提前一个工作日预约。',
      ask: ['能换美元吗', '我想换点日元', '外币兑换要带什么', '今天欧元汇率多少', '换汇额度是多少'],
      syn: ['换汇', '换外币', '汇率', '美元', '欧元', '日元', '港币', '美金', '英镑', '购汇', '结汇'],
    },
    {
      title: 'Foreign currency exchange',
      body: 'This branch exchanges major currencies such as USD, EUR, GBP, JPY and HKD at the rates posted for the day. Please bring your valid ID. Annual personal purchase quotas follow national foreign-exchange rules. For large amounts of foreign cash, book one working day ahead.',
      ask: [
        'can I change money here',
        'I need some euros',
        'exchange dollars to yuan',
        'what is the exchange rate',
        'buy foreign currency',
      ],
      syn: ['exchange', 'currency', 'fx', 'rate', 'dollars', 'euros', 'yen', 'money change'],
    },
  ),
  ...articlePair(
    'update-phone-number',
    ['phone', 'contact', 'profile'],
    {
      title: '更换预留手机号',
      body: '原手机号仍可接收短信时，可在手机银行“个人设置”中自助修改。原手机号已停用时，请本人携带有效身份证件和银行卡到网点柜台办理。为保护您的资金安全，修改后 24 小时内部分交易可能需要额外验证。',
      ask: [
        '换手机号了怎么改',
        '预留手机号怎么变更',
        '手机号不用了收不到验证码',
        '改绑手机号',
        '银行卡绑定的号码要改',
      ],
      syn: ['手机号', '预留号码', '换号', '改号', '验证码'],
    },
    {
      title: 'Updating your phone number',
      body: 'If your old number can still receive text messages, change it yourself in the app under Profile settings. If the old number no longer works, come to the counter with your valid ID and your card. For your safety, some transactions may need extra verification in the first 24 hours after the change.',
      ask: [
        'I changed my phone number',
        'update my mobile number',
        'not getting sms codes new number',
        'change phone on my account',
        'new phone number how to update',
      ],
      syn: ['phone', 'mobile number', 'sms', 'contact details', 'number change'],
    },
  ),
  ...articlePair(
    'wealth-steady-income-fund',
    ['wealth', 'fund', 'investment', 'risk'],
    {
      title: '稳健收益理财产品（R3 中风险）',
      body: '该产品主要投资于债券及货币市场工具，少量配置权益类资产，风险等级为 R3（中风险），不保本，过往业绩不代表未来表现。购买前需完成风险承受能力评估，评估结果须为平衡型（C3）或以上。产品详情、费用和赎回规则请以产品说明书为准，理财经理可为您详细讲解。',
      ask: [
        '稳健理财收益怎么样',
        '中风险的理财产品',
        '有没有稳一点的理财',
        'R3理财能买吗',
        '稳健收益那个产品',
      ],
      syn: ['稳健', '中风险', 'R3', '理财', '收益'],
    },
    {
      title: 'Steady income wealth product (R3, medium risk)',
      body: 'This product invests mainly in bonds and money-market instruments with a small share of equities. Its risk level is R3 (medium); capital is not guaranteed and past returns do not predict future ones. You must complete a risk-tolerance assessment first, with a result of Balanced (C3) or higher. Fees and redemption rules are in the product prospectus; a wealth adviser can walk you through it.',
      ask: [
        'tell me about the steady income product',
        'medium risk investment',
        'R3 product',
        'something balanced to invest in',
        'steady income fund returns',
      ],
      syn: ['steady income', 'medium risk', 'r3', 'balanced', 'moderate risk'],
    },
    'R3',
  ),
  ...articlePair(
    'atm-card-retained',
    ['atm', 'card', 'retained'],
    {
      title: 'ATM 吞卡怎么办',
      body: '请勿离开，记下 ATM 编号及时间，拨打机身上的服务电话或联系网点工作人员。营业时间内，本人携带有效身份证件可于当日或次日到该网点领回卡片。如非本网点 ATM，卡片将在 3 个工作日内转交发卡网点。',
      ask: ['取款机把卡吞了', 'ATM吞卡了怎么办', '卡被机器吃了', '卡插进去出不来了', '自动柜员机没退卡'],
      syn: ['吞卡', '吃卡', '卡出不来', '没退卡', '取款机'],
    },
    {
      title: 'ATM kept my card',
      body: 'Stay at the machine, note the ATM number and the time, and call the service number on the ATM or ask branch staff. During opening hours you can collect the card with your valid ID, the same or the next day. If the ATM belongs to another branch, the card is sent to your issuing branch within 3 working days.',
      ask: [
        'the ATM ate my card',
        'cash machine kept my card',
        'card stuck in the machine',
        'ATM did not give my card back',
        'machine swallowed my card',
      ],
      syn: ['swallowed', 'retained', 'kept', 'stuck', 'ate', 'cash machine'],
    },
  ),
  ...articlePair(
    'service-fees',
    ['fees', 'charges', 'account'],
    {
      title: '常见服务费用',
      body: '个人账户年费、小额账户管理费对代发工资账户和每人首个账户免收。同城同行转账免费；跨行转账通过手机银行免费，柜面办理按金额收取少量手续费。补办银行卡收取工本费。外国银行卡（境外发行的卡）在本行 ATM 取现，按发卡组织规定收费。具体收费以网点公示的服务价目表为准。',
      ask: ['年费怎么收', '跨行转账收手续费吗', '管理费能免吗', '补卡要钱吗', '收费标准是什么'],
      syn: ['手续费', '年费', '管理费', '收费', '扣费', '费用'],
    },
    {
      title: 'Common service fees',
      body: "Annual and low-balance fees are waived for payroll accounts and for each customer's first account. Transfers within the bank are free; transfers to other banks are free in the app and carry a small charge at the counter. Replacing a card has a card fee. Foreign cards (issued abroad) can withdraw cash at our ATMs for the card network's fee. The fee schedule posted in the branch is authoritative.",
      ask: [
        'what fees do you charge',
        'is there an annual fee',
        'why was I charged a fee',
        'cost of transfers to other banks',
        'account maintenance charge',
      ],
      syn: ['fees', 'charges', 'cost', 'annual fee', 'commission'],
    },
  ),
  ...articlePair(
    'open-account',
    ['account', 'open', 'documents'],
    {
      title: '开立个人账户',
      body: '请本人携带有效身份证件到网点办理，部分情况下需提供工作或居住证明。开户时需设置密码并预留本人手机号。未成年人开户需监护人陪同并提供户口簿或出生证明。整个流程约 20 分钟。',
      ask: ['我想开个户', '办新卡要带什么', '开户需要什么材料', '给孩子开张卡', '开银行卡要多久'],
      syn: ['开户', '办卡', '新卡', '开卡', '开账户'],
    },
    {
      title: 'Opening a personal account',
      body: 'Come to the branch in person with your valid ID; in some cases we also ask for proof of work or residence. You will set a PIN and register your own phone number. Minors need a guardian present with a household register or birth certificate. It takes about 20 minutes.',
      ask: [
        'I want to open an account',
        'what do I need to open an account',
        'get a new bank account',
        'open account for my kid',
        'how long does account opening take',
      ],
      syn: ['open account', 'new account', 'sign up', 'new card', 'documents'],
    },
  ),
];

export const DEFAULT_ARTICLES: KnowledgeArticle[] = withMorePhrasings([
  ...STARTER_TOPICS,
  ...CARD_TOPICS,
  ...ACCOUNT_TOPICS,
  ...WEALTH_TOPICS,
  ...SERVICE_TOPICS,
]);
