// Starter topics about accounts, deposits and moving money.
import type { KnowledgeArticle } from '../../schema/article.ts';
import { articlePair } from './article-pair.ts';

export const ACCOUNT_TOPICS: KnowledgeArticle[] = [
  ...articlePair(
    'close-account',
    ['account', 'close'],
    {
      title: '销户',
      body: '请本人携带有效身份证件和银行卡到开户网点或任一网点办理销户。销户前请转出余额、解除代扣和第三方绑定，并结清欠费。有未到期定期存款或理财的，需先到期或提前支取。',
      ask: ['我要注销这张卡', '卡不用了怎么销掉', '销户要本人去吗', '账户怎么关掉', '不想用这个银行了'],
      syn: ['销户', '注销', '销卡', '关闭账户', '不用了'],
    },
    {
      title: 'Closing an account',
      body: 'Come to any branch in person with your valid ID and card to close the account. First move the balance out, cancel direct debits and linked payment apps, and settle any fees due. Fixed deposits or wealth products must mature or be withdrawn early first.',
      ask: [
        'I want to close my account',
        'cancel my bank card',
        'shut down my account',
        'how to close account',
        'dont need this account anymore',
      ],
      syn: ['close account', 'cancel account', 'terminate', 'shut'],
    },
  ),
  ...articlePair(
    'account-statement',
    ['account', 'statement', 'history'],
    {
      title: '打印流水和对账单',
      body: '手机银行可查询和下载近两年的交易明细。需要盖章的银行流水（如签证、贷款用途），请本人携带身份证件和银行卡到柜台打印，也可在自助终端打印近一年的流水。代他人打印需授权委托书。',
      ask: ['打个银行流水', '怎么拉近半年的明细', '签证要流水', '交易记录在哪看', '流水要盖章'],
      syn: ['流水', '明细', '对账单', '交易记录', '账单', '盖章'],
    },
    {
      title: 'Statements and transaction history',
      body: 'The app shows and downloads the last two years of transactions. For a stamped statement (for a visa or a loan), come to the counter with your ID and card, or print the last twelve months at a self-service terminal. Printing for someone else needs their written authorisation.',
      ask: [
        'I need a bank statement',
        'print my transactions',
        'statement for visa application',
        'see account history',
        'stamped statement please',
      ],
      syn: ['statement', 'transactions', 'history', 'records', 'printout'],
    },
  ),
  ...articlePair(
    'dormant-account',
    ['account', 'dormant'],
    {
      title: '久悬（睡眠）账户激活',
      body: '账户长期无主动交易可能转为久悬账户，暂停部分交易，资金仍安全保留。请本人携带有效身份证件和银行卡到网点办理激活，核实身份后即可恢复正常使用。',
      ask: [
        '好几年没用的卡还能用吗',
        '账户变睡眠户了',
        '老卡不能转账了',
        '久悬户怎么恢复',
        '很久没用卡被停了',
      ],
      syn: ['久悬', '睡眠户', '不动户', '长期不用', '老卡'],
    },
    {
      title: 'Reactivating a dormant account',
      body: 'An account with no activity for a long time may become dormant: some transactions are paused but the money stays safe. Bring your valid ID and card to a branch; once we check who you are, the account works normally again.',
      ask: [
        'my old account is dormant',
        'havent used my card for years',
        'account inactive cant transfer',
        'wake up my account',
        'reactivate old account',
      ],
      syn: ['dormant', 'inactive', 'unused', 'old account', 'sleeping'],
    },
  ),
  ...articlePair(
    'time-deposit',
    ['deposit', 'savings', 'interest'],
    {
      title: '定期存款',
      body: '定期存款有三个月到五年多种期限，利率以网点公布的挂牌利率为准，起存金额 50 元。可在手机银行或柜台办理。提前支取的部分按活期利率计息。存款受存款保险保障。',
      ask: ['存定期利息多少', '存一年死期划算吗', '定期能提前取吗', '存款利率', '我想存三年'],
      syn: ['定期', '存款', '利息', '利率', '死期', '存钱'],
    },
    {
      title: 'Fixed-term deposits',
      body: 'Fixed-term deposits run from three months to five years at the rates posted in the branch, from 50 upwards. Open one in the app or at the counter. Money withdrawn early earns the demand-deposit rate. Deposits are covered by deposit insurance.',
      ask: [
        'what interest do I get on savings',
        'fixed deposit rates',
        'can I take my deposit out early',
        'put money away for a year',
        'term deposit',
      ],
      syn: ['fixed deposit', 'savings', 'interest', 'term deposit', 'rate', 'cd'],
    },
  ),
  ...articlePair(
    'account-restricted',
    ['account', 'restricted', 'frozen'],
    {
      title: '账户被限制交易',
      body: '账户可能因资料过期、长期未核实身份或交易异常被限制非柜面交易。手机银行会显示限制原因。请本人携带有效身份证件到网点核实身份、补充资料，必要时说明资金用途，核实后即可解除。',
      ask: [
        '卡被限制了转不出钱',
        '为什么我的账户不能用了',
        '提示非柜面交易受限',
        '账户被冻结了',
        '卡突然用不了',
      ],
      syn: ['限制', '冻结', '非柜面', '受限', '不能转账', '锁了'],
    },
    {
      title: 'Restricted or frozen account',
      body: 'An account may be restricted when your documents are out of date, your identity has not been checked for a long time, or transactions look unusual. The app shows the reason. Bring your valid ID to a branch to verify and update your details, explaining the purpose of funds if asked, and the restriction is lifted.',
      ask: [
        'my account is frozen',
        'why is my account restricted',
        'cant use my account suddenly',
        'account blocked by bank',
        'transactions declined account locked',
      ],
      syn: ['restricted', 'frozen', 'blocked', 'suspended', 'locked account'],
    },
  ),
  ...articlePair(
    'deposit-certificate',
    ['account', 'certificate', 'proof'],
    {
      title: '存款证明和资信证明',
      body: '出国签证、留学等需要存款证明时，请本人携带身份证件和银行卡到网点办理，可开具中英文版本。开具时相应金额会冻结至证明到期日。一般当场出具，按份收取工本费。',
      ask: ['办存款证明', '签证要资信证明', '开个存款证明要冻结吗', '留学需要银行证明', '存款证明多少钱'],
      syn: ['存款证明', '资信证明', '冻结', '签证', '留学'],
    },
    {
      title: 'Proof of funds certificate',
      body: 'For a visa or study abroad, a deposit certificate is issued at a branch with your ID and card, in Chinese or English. The amount is frozen until the certificate expires. It is usually issued on the spot for a small fee per copy.',
      ask: [
        'I need proof of funds',
        'deposit certificate for visa',
        'bank letter for study abroad',
        'certificate of balance',
        'proof of deposit',
      ],
      syn: ['proof of funds', 'deposit certificate', 'bank reference', 'balance certificate'],
    },
  ),
  ...articlePair(
    'wrong-transfer',
    ['transfer', 'mistake'],
    {
      title: '转账转错了',
      body: '转账一旦到账银行无法直接撤回。若转错账户，请立即联系客服或到网点提交协助申请，银行会联系收款方协商退回；收款方拒绝的，可向法院起诉。如怀疑被骗，请立即报警。',
      ask: ['钱转错人了', '转账写错卡号了能撤回吗', '转错账户怎么追回', '误转了一笔钱', '钱打给别人了'],
      syn: ['转错', '误转', '撤回', '追回', '退回'],
    },
    {
      title: 'Money sent to the wrong account',
      body: 'Once a transfer has arrived the bank cannot simply reverse it. If you paid the wrong account, contact the hotline or a branch at once to request help: the bank contacts the recipient to ask for a return; if they refuse, you can go to court. If you think it was a scam, call the police straight away.',
      ask: [
        'I sent money to the wrong person',
        'cancel a transfer I made by mistake',
        'wrong account number on transfer',
        'get my money back wrong payment',
        'paid wrong account',
      ],
      syn: ['wrong account', 'mistake', 'reverse', 'recall', 'cancel transfer'],
    },
  ),
  ...articlePair(
    'international-remittance',
    ['transfer', 'international', 'swift'],
    {
      title: '境外汇款',
      body: '个人境外汇款需本人携带身份证件到网点办理，提供收款人姓名、账号、收款银行 SWIFT 代码和地址，并说明汇款用途。一般 1 至 3 个工作日到账，收取汇款手续费和电报费，金额受年度便利化额度管理。',
      ask: ['往国外汇钱', '给在美国的孩子寄学费', '跨境汇款要多久', '电汇到香港', '境外转账手续费'],
      syn: ['汇款', '境外', '国外', '电汇', 'SWIFT', '跨境', '学费'],
    },
    {
      title: 'Sending money abroad',
      body: 'International transfers are made at a branch with your ID. Bring the recipient name, account number, the bank SWIFT code and address, and the purpose of the payment. Money usually arrives in 1 to 3 working days; a remittance fee and a cable charge apply, and amounts count towards the annual quota.',
      ask: [
        'send money overseas',
        'wire transfer to another country',
        'how long does an international transfer take',
        'transfer to uk account',
        'swift payment fee',
      ],
      syn: ['international', 'overseas', 'abroad', 'wire', 'swift', 'remittance'],
    },
  ),
  ...articlePair(
    'large-cash-withdrawal',
    ['cash', 'withdrawal', 'appointment'],
    {
      title: '大额取现预约',
      body: '单日取现 5 万元及以上请提前一个工作日预约，可通过手机银行、客服热线或网点预约。取款时请本人携带身份证件和银行卡，大额现金需说明用途。预约后未取款不收费用。',
      ask: ['取十万现金要预约吗', '明天想取一大笔钱', '大额取款提前多久说', '取现金五万以上', '预约取钱'],
      syn: ['大额', '取现', '预约', '现金', '取钱', '提现'],
    },
    {
      title: 'Withdrawing a large amount of cash',
      body: 'For cash withdrawals of 50,000 or more in a day, book one working day ahead in the app, by phone or at the branch. Bring your ID and card when you collect it; large cash amounts need the purpose stated. There is no charge if you book and do not collect.',
      ask: [
        'I need to withdraw a lot of cash',
        'book a big withdrawal',
        'take out 100k in cash',
        'do I need to order cash in advance',
        'large cash withdrawal',
      ],
      syn: ['large withdrawal', 'cash', 'book', 'appointment', 'order cash'],
    },
  ),
];
