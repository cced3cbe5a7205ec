// A second batch of how Chinese-speaking customers really put each topic: spoken and regional wording
// (咋整, 啥, 木有), common typing slips (帐户, 转帐, 登陆, 身分证), mixed Chinese and English (ATM, app,
// wifi), long rambling questions and two-word fragments. Merged like more-phrasings-zh.ts.
export const ZH_SPOKEN_ASK: Record<string, string> = {
  'branch-opening-hours':
    '你们今天营业到几点|几点能来办事|这会儿还办业务不|周末有人值班吗|礼拜六上午开不开|早上八点半开门了吗|午休时间能办吗|晚上六点还在吗|放假期间网点开不开|元旦开门不|清明节上班吗|下午几点不办业务了|你们作息时间|营业时间表|几点到几点上班',
  'card-lost-stolen':
    '卡被偷了|银行卡掉了咋整|我卡丢哪儿找不到了|钱包丢了卡也没了|卡不见了先冻结|挂失银行卡|卡丢了能电话挂失吗|卡被别人拿走了|丢卡了钱安全吗|卡丢了怎么补|卡弄丢了要本人来吗|卡被偷刷了怎么办|帮我把卡停掉',
  'transfer-limits':
    '转帐限额|一次能转多少|转账到上限了|手机转账额度|网银限额怎么调|转不了大钱|转十万转不过去|每天转账有上限吗|提高手机银行额度|转账额度不够用|柜面转账限额|单日限额是多少',
  'foreign-exchange':
    '换点美金|换外汇|买美元|欧元怎么换|外币兑换|换韩元|出国换钱|汇率查询|美金兑人民币多少|外币能换回来吗|换钱要带什么|每年换汇额度|换日币',
  'update-phone-number':
    '改手机号|更换预留手机号|手机号注销了收不到短信|换号了要去银行改吗|银行卡绑定手机号更改|留的电话不对了|原手机号丢了|改一下联系电话|短信提醒换号码|手机换号了验证码收不到',
  'wealth-steady-income-fund':
    '稳健型产品|中风险产品|收益稳定的理财|比定期高一点的|中等风险理财产品|稳健收益基金|风险中等收益还行的|R3级产品|稳健理财年化多少|求推荐稳健理财',
  'atm-card-retained':
    '吞卡|ATM吞卡了|取款机把卡吞了|卡退不出来|机器不吐卡|卡被柜员机没收了|卡留在机器里了|吞卡去哪领|ATM吃卡怎么办|取钱卡被吞|机器把我卡吃了',
  'service-fees':
    '收啥费|手续费怎么算|扣了管理费|为什么扣钱了|卡有年费吗|短信费怎么取消|转账要钱吗|异地取款收费|取钱要手续费吗|小额管理费|各种费用|收费项目',
  'open-account':
    '办卡|开个卡|新办银行卡|开户流程|开卡要带身份证吗|办储蓄卡|开个新账户|想开户|办一张借记卡|开户需要什么|开工资卡|给孩子办卡',
  'close-account':
    '注销卡|销卡|销户流程|不用的卡怎么注销|注销帐户|把卡注销了|关闭账户|销户要带什么|卡里还有钱能销户吗|我要销户',
  'account-statement':
    '打流水|流水单|银行对账单|打印明细|交易流水|开流水|流水怎么打|查流水|打印交易记录|半年流水|账单明细|收支明细',
  'dormant-account':
    '睡眠户|久悬账户|长期不用的帐户|老卡激活|好久没用的卡|不动户激活|账户休眠了|多年没用的账户|卡很久没交易了|睡眠卡怎么恢复',
  'time-deposit':
    '存定期|定期利率|定期存款|一年定期|三年定期利率多少|存款利息|存钱利息|大额存单利率|定期怎么存|定期提前取|利息怎么算|存五年',
  'account-restricted':
    '卡被冻结|帐户冻结|账户受限|卡被限制交易|解除限制|卡不能转账了|账户被锁|冻结了怎么办|卡被风控了|账户不能用了|非柜面限制|账户解冻要啥',
  'deposit-certificate':
    '存款证明|开存款证明|资信证明|资产证明|签证存款证明|存款证明怎么开|证明有存款|余额证明|财力证明|出国存款证明',
  'wrong-transfer':
    '转错帐|转错账户|转错钱了|打错钱|汇错了|钱转给陌生人了|转账转错|退回转错的钱|卡号输错转出去了|误转',
  'international-remittance':
    '国际汇款|境外汇款|汇款到国外|跨境汇款|给国外汇钱|往国外打钱|海外汇款|汇美元到国外|SWIFT|电汇国外|留学汇款|境外转账',
  'large-cash-withdrawal':
    '取大额|大额取现|取很多钱|预约取钱|取现金预约|取十万|取五十万|大额现金|一次取多少要预约|提大额现金',
  'queue-number': '排号|拿号|取个号|排队取号|叫号|号码过了|前面几个人|等多久|号在哪拿|取号机',
  'self-service-device-problem':
    '取款机故障|ATM坏了|ATM没吐钱|机器扣钱没出钞|存款没到账|自助机出问题|机器吞钱|取钱失败扣款|ATM少给钱|存款机故障|自助设备坏了',
  'foreign-customers':
    '外国人开户|外籍人士|护照办卡|外国人办业务|老外开户|外国人要什么证件|港澳居民开户|台湾同胞开户|外籍员工开工资卡|foreigner开户',
  'elderly-services':
    '老年人|老人家|上门服务|行动不便|老人优先|爱心窗口|老人不会用手机|帮老人办理|老人代办|轮椅老人|老年人绿色通道',
  'branch-facilities':
    '卫生间|洗手间|有厕所吗|无线网密码|充电|有水喝吗|饮水机|停车|轮椅|坐的地方|母婴室|休息区',
  'banknote-exchange':
    '换零钱|残缺的钱|破损的钱|钱破了|换硬币|换新钞|旧钱换新|脏钱能换吗|零钱兑换|残币兑换|钱烂了',
  'card-activation':
    '激活卡|开卡激活|新卡激活|激活银行卡|卡怎么启用|新卡不能用|卡没激活|激活要带什么|领卡后激活',
  'card-pin-reset':
    '忘了密码|密码忘记|改密码|重设密码|密码锁了|密码错误次数太多|取款密码|修改密码|找回密码|密码不对|卡密码',
  'card-spending-limits':
    '取款限额|取现额度|每天取多少|消费限额|刷卡上限|调高取款额度|ATM限额|卡的额度|取现限制|单日取现',
  'card-replacement': '换卡|补卡|卡坏了|卡过期|卡到期|换芯片卡|卡折了|卡读不了|卡损坏|换新卡|卡片坏了',
  'credit-card-apply':
    '信用卡|办信用卡|申请信用卡|信用卡申请|信用卡额度|信用卡办理|信用卡要啥|怎么办信用卡|信用卡条件|信用卡多久批',
  'personal-loan-info': '贷款|借款|个人贷款|消费贷|信用贷款|借钱|贷点钱|装修贷|车贷|贷款条件|能贷多少',
  'mortgage-info': '房贷|房屋贷款|按揭|买房贷款|首付|公积金贷款|房贷利率|二手房按揭|提前还房贷|房贷年限',
  'mobile-banking-setup':
    '开手机银行|手机银行开通|下载app|网银开通|开通网银|手机银行注册|app怎么用|手机银行怎么弄|网上银行|装银行软件',
  'app-login-problem':
    'app登陆不了|登陆失败|手机银行登不进去|登录不了|app打不开|登录密码忘了|账号被锁|人脸识别失败|app闪退|登陆验证码收不到',
  'update-id-document':
    '身份证过期|身分证过期了|更新身份证|换新身份证|证件到期|证件更新|身份证换了|身份证号变了|证件过期限制|更新证件信息',
  'fraud-scam-warning':
    '诈骗|被骗|骗子|电信诈骗|冒充警察|安全账户|刷单被骗|可疑电话|要验证码|陌生人要我转账|被骗了钱',
  complaints: '投诉|我要投诉|意见|不满意|服务差|态度差|投诉电话|找经理|太慢了|提意见|投诉柜员',
  'wealth-cash-management':
    '活期理财|零钱理财|低风险理财|随取随用|货币基金|现金管理|保本理财|灵活理财|风险最低|R1产品',
  'wealth-bond-fund': '债券基金|债基|纯债|固收|债券理财|R2理财|中低风险|稳一点的基金|债券型|买债券',
  'wealth-balanced-equity-fund':
    '混合基金|股债混合|偏股混合|平衡基金|基金定投|R4|中高风险|混合型|股票债券都有的基金',
  'wealth-gold-account': '黄金|买金|金条|黄金账户|黄金价格|投资黄金|存黄金|金价|纸黄金',
  'wealth-sector-equity-fund':
    '股票型基金|行业主题基金|科技基金|高风险产品|新能源主题|医药主题|激进理财|股票基金风险',
  'risk-assessment':
    '风险测评|风评|风险评估|做测评|测评问卷|风险等级|风险承受能力测试|测评过期|重做风评|理财测评',
};

export const ZH_SPOKEN_SYN: Record<string, string> = {
  'branch-opening-hours': '营业时间|开门|关门|值班|作息',
  'card-lost-stolen': '挂失|丢卡|被偷|冻结卡',
  'transfer-limits': '转帐|限额|上限|额度',
  'foreign-exchange': '外汇|换汇|美金|日币|韩元|兑换外币',
  'update-phone-number': '预留手机号|换号|改号|绑定手机',
  'wealth-steady-income-fund': '稳健|中风险|R3',
  'atm-card-retained': '吞卡|吃卡|退卡|领卡',
  'service-fees': '手续费|年费|管理费|收费|扣钱',
  'account-statement': '流水|对账单|明细',
  'dormant-account': '睡眠户|久悬户|休眠',
  'time-deposit': '定期|利息|大额存单',
  'account-restricted': '冻结|受限|解冻|风控',
  'deposit-certificate': '存款证明|资信证明|财力证明',
  'wrong-transfer': '转错|误转|汇错',
  'international-remittance': '国际汇款|境外汇款|跨境|电汇',
  'large-cash-withdrawal': '大额取现|预约取款',
  'queue-number': '取号|排号|叫号',
  'self-service-device-problem': '故障|没出钞|扣钱没出钱',
  'foreign-customers': '外籍|外国人|护照',
  'elderly-services': '老年人|上门|爱心窗口',
  'branch-facilities': '卫生间|洗手间|饮水机|停车位',
  'banknote-exchange': '零钱|残币|硬币|新钞',
  'card-activation': '激活|开卡|启用',
  'card-pin-reset': '密码|忘记密码|重置密码',
  'card-spending-limits': '取款限额|取现额度|消费限额',
  'card-replacement': '换卡|补卡|过期|损坏',
  'credit-card-apply': '信用卡|贷记卡',
  'personal-loan-info': '贷款|借款|消费贷',
  'mortgage-info': '房贷|按揭|首付',
  'mobile-banking-setup': '手机银行|网银|开通',
  'app-login-problem': '登录|登陆|闪退|人脸识别',
  'update-id-document': '身份证|身分证|证件',
  'fraud-scam-warning': '诈骗|骗子|冒充',
  complaints: '投诉|服务差|不满意',
  'wealth-cash-management': '活期理财|货币基金|零钱理财',
  'wealth-bond-fund': '债基|纯债|固收',
  'wealth-balanced-equity-fund': '混合基金|股债|定投',
  'wealth-gold-account': '黄金|金条',
  'wealth-sector-equity-fund': '股票型基金|主题基金|行业基金',
  'risk-assessment': '风评|测评|风险评估',
};
