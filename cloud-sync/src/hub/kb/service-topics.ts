// Starter topics about loans (information only), digital banking, safety, and the branch itself.
import type { KnowledgeArticle } from '../../schema/article.ts';
import { articlePair } from './article-pair.ts';
import { BRANCH_TOPICS } from './branch-topics.ts';

export const SERVICE_TOPICS: KnowledgeArticle[] = [
  ...articlePair(
    'personal-loan-info',
    ['loan', 'credit'],
    {
      title: '个人消费贷款（仅介绍）',
      body: '个人消费贷款可用于装修、教育、购车等合法用途，额度和利率根据您的收入和信用情况审批。可在手机银行申请或到网点咨询客户经理，需提供身份证件和收入证明。本机仅作介绍，不办理贷款。',
      ask: ['我想借点钱', '消费贷利息多少', '装修贷款怎么申请', '能贷多少', '贷款要什么条件'],
      syn: ['贷款', '借钱', '消费贷', '信用贷', '利息', '装修'],
    },
    {
      title: 'Personal loans (information only)',
      body: 'Personal loans can pay for home improvements, education, a car or other lawful purposes; the amount and rate depend on your income and credit record. Apply in the app or see an adviser at the branch with ID and proof of income. This kiosk only explains; it does not arrange loans.',
      ask: [
        'I want to borrow money',
        'personal loan interest rate',
        'can I get a loan',
        'how much can I borrow',
        'loan for renovation',
      ],
      syn: ['loan', 'borrow', 'credit', 'lending', 'personal loan'],
    },
  ),
  ...articlePair(
    'mortgage-info',
    ['loan', 'mortgage', 'home'],
    {
      title: '个人住房贷款（仅介绍）',
      body: '购房贷款的首付比例、利率和期限以当地政策和审批结果为准，最长一般 30 年。需提供购房合同、身份证件、收入证明等材料。提前还款需提前预约。详情请咨询网点客户经理，本机不办理贷款。',
      ask: ['买房贷款怎么办', '房贷利率多少', '提前还房贷', '首付要多少', '按揭要什么材料'],
      syn: ['房贷', '按揭', '住房贷款', '首付', '提前还款', '买房'],
    },
    {
      title: 'Home loans (information only)',
      body: 'The deposit, rate and term of a home loan follow local rules and our approval, usually up to 30 years. You need the purchase contract, ID and proof of income. Early repayment needs booking in advance. Please see an adviser at the branch; this kiosk does not arrange loans.',
      ask: [
        'how do I get a mortgage',
        'home loan rates',
        'pay off my mortgage early',
        'how much deposit for a house',
        'buying a flat need a loan',
      ],
      syn: ['mortgage', 'home loan', 'house', 'down payment', 'early repayment'],
    },
  ),
  ...articlePair(
    'mobile-banking-setup',
    ['digital', 'app', 'online banking'],
    {
      title: '开通手机银行',
      body: '在应用商店下载本行手机银行，用银行卡号、预留手机号和验证码即可注册，首次登录需人脸识别。如预留手机号不是本人当前号码，请先到网点变更。网点工作人员也可以帮您现场安装。',
      ask: ['手机银行怎么开通', '下载哪个app', '网银怎么注册', '教我用手机银行', '能在手机上查余额吗'],
      syn: ['手机银行', '网银', 'app', '注册', '下载', '开通'],
    },
    {
      title: 'Setting up mobile banking',
      body: 'Download our app from your app store and register with your card number, registered phone number and a text code; the first login asks for face verification. If the registered number is not your current one, change it at a branch first. Staff can also help you install it here.',
      ask: [
        'how do I sign up for the app',
        'set up online banking',
        'which app should I download',
        'register mobile banking',
        'check balance on my phone',
      ],
      syn: ['app', 'mobile banking', 'online banking', 'register', 'download', 'internet banking'],
    },
  ),
  ...articlePair(
    'app-login-problem',
    ['digital', 'app', 'login'],
    {
      title: '手机银行登录不了',
      body: '登录密码输错 5 次会锁定 24 小时。忘记登录密码可在登录页点“忘记密码”，用卡号和验证码重置。换了新手机需重新验证身份。如仍无法登录，请检查网络、更新到最新版本，或到网点处理。',
      ask: ['app登不上去', '手机银行密码忘了', '网银被锁了', '换手机后登录不了', '一直提示验证失败'],
      syn: ['登录', '登不上', '登录密码', '锁定', '闪退', '换手机'],
    },
    {
      title: 'Cannot log in to the app',
      body: 'Five wrong login passwords lock the app for 24 hours. If you forgot the login password, tap Forgot password on the login page and reset it with your card number and a text code. A new phone needs identity verification again. If it still fails, check your connection, update the app, or visit a branch.',
      ask: [
        'cant log into the app',
        'forgot my online banking password',
        'app locked me out',
        'new phone wont let me login',
        'login keeps failing',
      ],
      syn: ['login', 'log in', 'locked out', 'password', 'sign in', 'app crash'],
    },
  ),
  ...articlePair(
    'update-id-document',
    ['profile', 'id', 'kyc'],
    {
      title: '更新身份证件信息',
      body: '身份证件到期换领新证后，请及时更新账户信息，否则账户可能被限制交易。可在手机银行上传新证件照片，或本人携带新证件到网点或在本机刷证更新。姓名变更需提供户籍证明。',
      ask: [
        '身份证换新的了要更新吗',
        '证件过期了',
        '改一下身份证信息',
        '手机银行提示证件到期',
        '改名字了怎么办',
      ],
      syn: ['身份证', '证件', '过期', '到期', '换证', '更新资料'],
    },
    {
      title: 'Updating your ID document',
      body: 'When your ID card expires and you get a new one, update your account details, or transactions may be restricted. Upload the new ID in the app, or bring it to a branch or scan it at this kiosk. A change of name needs official proof of the change.',
      ask: [
        'my id card expired',
        'I have a new passport update it',
        'app says my ID is out of date',
        'change my name on the account',
        'update my documents',
      ],
      syn: ['id card', 'passport', 'identity document', 'expired id', 'kyc'],
    },
  ),
  ...articlePair(
    'fraud-scam-warning',
    ['fraud', 'scam', 'safety'],
    {
      title: '防范电信诈骗',
      body: '银行和公检法不会通过电话要求您转账到“安全账户”，也不会索要验证码或密码。遇到冒充客服退款、刷单返利、投资高回报等情况，请立即挂断。如已转账，请马上报警并联系银行；需要时请让工作人员协助。',
      ask: [
        '有人打电话说我卡有问题让我转账',
        '是不是遇到骗子了',
        '公安让我转到安全账户',
        '刷单返利靠谱吗',
        '陌生人要我验证码',
      ],
      syn: ['诈骗', '骗子', '安全账户', '冒充', '验证码', '被骗', '刷单'],
    },
    {
      title: 'Scam and fraud warning',
      body: 'Banks and the police never ask you by phone to move money to a "safe account", and never ask for codes or PINs. Hang up on fake refunds, paid-task schemes or promises of high returns. If you already paid, call the police and the bank at once; staff here will help you.',
      ask: [
        'someone called asking me to move my money',
        'is this a scam',
        'caller wants my sms code',
        'police told me to transfer to safe account',
        'I think I got scammed',
      ],
      syn: ['scam', 'fraud', 'fraudster', 'phishing', 'safe account', 'scammed'],
    },
  ),
  ...articlePair(
    'complaints',
    ['complaint', 'feedback'],
    {
      title: '投诉与意见反馈',
      body: '对我们的服务不满意，可向网点负责人当面反映，或拨打客服热线、在手机银行“意见反馈”中投诉。我们会在 15 个工作日内答复。如对处理结果仍不满意，可向当地金融消费者权益保护机构反映。',
      ask: ['我要投诉', '你们服务太差了', '柜员态度不好', '找你们经理', '对处理结果不满意'],
      syn: ['投诉', '不满', '态度差', '意见', '经理', '举报'],
    },
    {
      title: 'Complaints and feedback',
      body: 'If you are unhappy with our service, tell the branch manager, call the hotline, or use Feedback in the app. We reply within 15 working days. If you are still not satisfied, you can turn to your local financial consumer protection body.',
      ask: [
        'I want to make a complaint',
        'your service is terrible',
        'the staff were rude',
        'let me speak to the manager',
        'not happy with how this was handled',
      ],
      syn: ['complaint', 'complain', 'unhappy', 'rude', 'manager', 'feedback'],
    },
  ),
  ...BRANCH_TOPICS,
];
