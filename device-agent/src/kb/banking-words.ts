// Banking words jieba's general dictionary cuts apart or does not know, taught to the segmenter so each
// stays one search term (挂失 not 挂/失, 睡眠户 not 睡眠/户). Generic branch vocabulary, not tied to any
// article; the articles' own synonyms are added on top (kiosk-understander.ts). Pure data.
export const BANKING_WORDS: readonly string[] = (
  '挂失 口头挂失 正式挂失 补卡 换卡 销卡 销户 开户 开卡 激活 吞卡 吃卡 退卡 领卡 ' +
  '借记卡 储蓄卡 信用卡 工资卡 社保卡 芯片卡 磁条卡 存折 一类账户 二类账户 三类账户 ' +
  '预留手机号 预留号码 验证码 动态码 网银 手机银行 网上银行 银行app U盾 ' +
  '转账 转帐 跨行转账 限额 转账限额 取现 取款 存款 取款机 存款机 柜员机 自助机 ' +
  '流水 银行流水 对账单 交易明细 存款证明 资信证明 资产证明 ' +
  '睡眠户 久悬户 不动户 冻结 解冻 止付 非柜面 风控 ' +
  '定期 活期 整存整取 零存整取 大额存单 存单 利率 年化 ' +
  '外币 外汇 换汇 结汇 购汇 汇率 美元 美金 欧元 日元 英镑 港币 ' +
  '汇款 电汇 跨境汇款 境外汇款 国际汇款 ' +
  '手续费 年费 管理费 工本费 小额账户管理费 短信费 ' +
  '残币 残损币 零钱 硬币 新钞 ' +
  '取号 排号 叫号 过号 ' +
  '理财 理财产品 基金 债基 债券基金 货币基金 混合基金 偏股 定投 积存金 ' +
  '风评 风险测评 风险评估 ' +
  '房贷 按揭 公积金 首付 消费贷 信用贷 ' +
  '转错 误转 诈骗 安全账户 刷单'
).split(' ');
