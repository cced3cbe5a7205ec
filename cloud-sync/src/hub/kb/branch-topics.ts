// Starter topics about the branch: queueing, self-service devices, facilities and customers who need
// a different kind of help (foreign and elderly customers).
import type { KnowledgeArticle } from '../../schema/article.ts';
import { articlePair } from './article-pair.ts';

export const BRANCH_TOPICS: KnowledgeArticle[] = [
  ...articlePair(
    'queue-number',
    ['branch', 'queue', 'ticket'],
    {
      title: '取号排队',
      body: '请在本机或叫号机选择业务类型取号，叫号屏和语音会提示您到对应窗口。过号后请到大堂经理处重新排队。简单业务可先在自助设备办理，无需排队。也可在手机银行提前预约取号。',
      ask: ['在哪拿号', '还要等多久', '我的号过了怎么办', '排队的人多吗', '怎么取号办业务'],
      syn: ['取号', '排队', '叫号', '号码', '等候', '过号'],
    },
    {
      title: 'Queue tickets',
      body: 'Take a ticket at this kiosk or the ticket machine by choosing your service; the screen and announcements call you to a counter. If you missed your number, ask the lobby manager to re-queue you. Simple tasks can be done at self-service machines without queueing, and you can book a ticket in the app.',
      ask: [
        'where do I get a number',
        'how long is the wait',
        'I missed my number',
        'is there a queue',
        'take a ticket',
      ],
      syn: ['queue', 'ticket', 'number', 'wait', 'line', 'waiting time'],
    },
  ),
  ...articlePair(
    'self-service-device-problem',
    ['atm', 'device', 'fault'],
    {
      title: '自助设备故障和少吐钞',
      body: '取款时机器未出钞或少出钞但已扣款，请保留凭条，记下设备编号和时间，联系网点工作人员或拨打机身电话。一般差错款在 1 至 3 个工作日内自动退回。设备故障请勿自行拆卸，请使用旁边的设备。',
      ask: ['取款机没出钱但扣款了', '存款机卡住了', '机器坏了', '钱少吐了', '自助机没反应'],
      syn: ['没出钞', '少吐', '扣款', '故障', '坏了', '存款机', '卡钞'],
    },
    {
      title: 'Self-service machine problems',
      body: 'If the machine charged you but gave no cash or too little, keep the receipt, note the machine number and time, and tell branch staff or call the number on the machine. The difference is usually refunded within 1 to 3 working days. Do not try to open a faulty machine; use another one nearby.',
      ask: [
        'ATM took my money but no cash came out',
        'deposit machine jammed',
        'machine is broken',
        'got less cash than I asked for',
        'screen frozen on the machine',
      ],
      syn: ['no cash', 'jammed', 'broken', 'faulty', 'out of order', 'charged'],
    },
  ),
  ...articlePair(
    'foreign-customers',
    ['foreign', 'passport', 'account'],
    {
      title: '外籍客户服务',
      body: '外籍人士可凭有效护照或外国人永久居留身份证开立账户，部分情况需提供在华工作或学习证明。网点提供英文服务，本机支持英文界面。外籍客户可使用手机银行和境外卡取现，具体以开户时告知为准。',
      ask: ['外国人能开户吗', '老外办卡要什么', '有会说英语的吗', '护照能开户吗', '外国朋友来办业务'],
      syn: ['外国人', '外籍', '护照', '老外', '英文', '永居'],
    },
    {
      title: 'Services for foreign customers',
      body: 'Foreign nationals can open an account with a valid passport or a permanent residence ID; sometimes proof of work or study here is needed. Staff can serve you in English and this kiosk has an English screen. Foreign customers can use the app and withdraw with overseas cards; details are explained when you open an account.',
      ask: [
        'can a foreigner open an account',
        'I only have my passport',
        'do you have english speaking staff',
        'I am not a local can I get a card',
        'services for expats',
      ],
      syn: ['foreigner', 'foreign national', 'passport', 'expat', 'non-resident', 'english'],
    },
  ),
  ...articlePair(
    'elderly-services',
    ['elderly', 'accessibility'],
    {
      title: '老年客户服务',
      body: '老年客户可走优先窗口，网点提供老花镜、放大镜、轮椅和爱心座椅。本机可切换大字模式。行动不便无法到网点的，可预约上门服务。请警惕以保健品、养老投资为名的诈骗。',
      ask: ['老人有优先吗', '我爸腿脚不方便能上门办吗', '字太小看不清', '有老花镜吗', '老年人专窗在哪'],
      syn: ['老人', '老年人', '优先', '上门', '大字', '老花镜', '轮椅'],
    },
    {
      title: 'Services for older customers',
      body: 'Older customers can use the priority counter; the branch has reading glasses, magnifiers, a wheelchair and priority seats. This kiosk has a large-text mode. If you cannot come to the branch, we can book a home visit. Beware of scams selling health products or retirement investments.',
      ask: [
        'is there priority for seniors',
        'my mum cant walk can you come to her home',
        'the text is too small',
        'do you have a wheelchair',
        'help for elderly customers',
      ],
      syn: ['elderly', 'senior', 'older', 'priority', 'home visit', 'large text', 'wheelchair'],
    },
  ),
  ...articlePair(
    'branch-facilities',
    ['branch', 'facilities'],
    {
      title: '网点便民设施',
      body: '网点大堂提供免费 Wi-Fi、饮用水、充电宝和卫生间，需要时请咨询大堂经理。门口设有无障碍通道。网点门前停车位有限，可停附近公共停车场。',
      ask: ['厕所在哪', '有wifi吗', '能充个电吗', '哪里能停车', '有水喝吗'],
      syn: ['厕所', '卫生间', 'wifi', '充电', '停车', '饮水'],
    },
    {
      title: 'Branch facilities',
      body: 'The lobby has free Wi-Fi, drinking water, phone chargers and toilets; ask the lobby manager if you need them. There is step-free access at the entrance. Parking in front is limited; use the public car park nearby.',
      ask: [
        'where is the toilet',
        'do you have wifi',
        'can I charge my phone',
        'where can I park',
        'is there water',
      ],
      syn: ['toilet', 'restroom', 'wifi', 'charger', 'parking', 'bathroom'],
    },
  ),
  ...articlePair(
    'banknote-exchange',
    ['cash', 'banknotes', 'coins'],
    {
      title: '残损币和零钱兑换',
      body: '残缺、污损的人民币可到柜台按规定兑换，能辨别面额且剩余面积达到四分之三以上的全额兑换，二分之一以上的半额兑换。兑换零钱、硬币请到柜台办理，数量较大请提前预约。',
      ask: ['钱破了能换吗', '纸币烧坏了', '换点零钱', '硬币能存吗', '钞票撕成两半了'],
      syn: ['残币', '破钱', '零钱', '硬币', '换钱', '污损'],
    },
    {
      title: 'Damaged notes and change',
      body: 'Torn or soiled banknotes are exchanged at the counter: a note with its value visible and at least three quarters left is replaced in full, at least half for half its value. Change and coins are also handled at the counter; please book ahead for large amounts.',
      ask: [
        'I have a torn banknote',
        'money got burnt',
        'can I get some change',
        'deposit a bag of coins',
        'note ripped in half',
      ],
      syn: ['damaged notes', 'torn', 'coins', 'change', 'banknote'],
    },
  ),
];
