// Pinyin (tone-less) of the characters the kiosk says: every Han character of its zh-CN strings and of the
// starter knowledge articles, plus about 800 of the most frequent characters. Grouped by syllable to stay
// compact (~5 KB); a polyphone carries the reading the kiosk uses (行 as in 银行). Unknown characters
// fall back to a generic mouth shape in visemes-zh.ts.
const TABLE =
  'a:阿啊 ai:爱碍唉哎 an:安按案暗 ba:把八吧 bai:败百摆 ban:办板般半版班伴搬 bang:帮镑绑 bao:保报抱包宝爆饱 bei:备被北背倍 ben:本 bi:币笔臂比必避毕闭 ' +
  'bian:编变便边遍辨 biao:表标 bie:别 bin:宾 bing:并兵病冰 bo:拨波博播 bu:不簿补部步布 ca:擦 cai:财才采材彩猜 can:参餐 ce:测策侧册 ceng:曾层 ' +
  'cha:查察差茶 chai:拆 chan:产 chang:场常长厂 chao:钞超吵 che:车彻扯 chen:趁 cheng:城成承程称诚乘撑 chi:持吃迟 chong:充冲 chou:筹愁 ' +
  'chu:出触处除初础储 chuan:传穿 chuang:创窗 chun:春 ci:次此磁词辞 cong:从聪 cou:凑 cu:促 cui:催 cun:存寸 cuo:错挫 da:大打答达搭 ' +
  'dai:代带待袋贷 dan:但单担 dang:当党档挡 dao:到盗道导倒 de:的得德 deng:登等灯 di:低地第底递 dian:点电店典 die:跌 ding:定订盯钉 diu:丢 ' +
  'dong:冻动东懂冬 dou:都 du:度读赌 duan:短端断段 dui:兑对队 duo:多 e:额饿 en:恩嗯 er:而二儿尔 fa:发法罚 fan:反范饭翻烦返番 fang:放方房防访妨 ' +
  'fei:费非飞废 fen:份分纷 feng:风丰 fou:否 fu:服夫府复父福负富副付附符幅扶肤辅 gai:改该 gan:感干敢 gang:港刚钢 gao:告高 ge:个各格割 gei:给 ' +
  'gen:根跟 geng:更 gong:供公工共功贡 gou:购构够钩 gu:估古故股顾固 gua:挂 guai:乖 guan:管关观官馆惯罐 guang:光广 gui:柜规贵归 guo:国果过锅 ' +
  'hai:还海孩害 han:汉含函 hang:行 hao:号好 he:和核合何河贺喝 hei:黑嘿 hen:很 heng:衡恒 hou:候后厚 hu:户护乎呼 hua:话化花华划画 huai:坏怀 ' +
  'huan:换欢环缓患唤 huang:黄 hui:会回汇恢惠 hun:混 huo:或获货活火 ji:几击即及寄急机级绩计记己基济极集技际纪继激既积季 jia:价假家加驾佳 ' +
  'jian:件健检监简见键间建减鉴剪 jiang:将讲江降奖 jiao:交教叫较角 jie:接结节解界介借街捷 jin:进金今近尽仅紧禁 jing:经警精京境静景敬镜净 jiu:就究九久救旧 ' +
  'ju:具居据局举句距聚拒俱 juan:捐 jue:决觉绝 jun:军均 ka:卡咖 kai:开 kan:看 kang:康 kao:考靠 ke:可客克科刻课渴 ken:肯 kong:控空 kou:口 ' +
  'ku:苦库裤 kua:跨夸 kuai:快块 kuan:宽 kuang:况 kun:困 la:拉辣 lai:来 lan:览拦懒 lao:老劳 le:了乐 lei:类累 leng:冷 ' +
  'li:力理离立里利李历例礼励厘 lian:联连练链帘 liang:量两良亮辆 liao:料聊 lie:列 lin:临林邻 ling:领令另灵零 liu:六流留 lou:楼漏 lu:录路 lun:论 ' +
  'luo:罗落 lv:率律虑 ma:吗码马妈 mai:买卖 man:满慢 mang:忙 me:么 mei:每美没 men:门们 mi:密米秘谜 mian:免面勉 miao:描秒 min:民敏 ' +
  'ming:名明命 mo:摸模默末 mou:某 mu:幕目母木 na:那拿哪 nan:难南男 nao:脑 ne:呢 nei:内 neng:能 ni:拟你 nian:年念 nie:捏 nin:您 ' +
  'niu:扭 nong:农 nu:努 nuan:暖 nv:女 o:哦 ou:欧偶 pa:怕 pai:排牌派拍 pan:判盘 pao:跑抛泡 pei:配陪培 peng:朋碰 pi:匹 pian:片篇偏 ' +
  'piao:票 pin:品频拼 ping:屏平评凭瓶 po:破 pu:普 qi:器期起其气企七奇齐启 qia:恰 qian:前歉千钱签迁浅欠 qiang:强 qiao:巧 qie:且切 qin:亲 ' +
  'qing:情请清轻青庆 qiu:求秋 qu:区取去趣 quan:全券权圈 que:确却缺 qun:群 ran:然 rang:让 re:热惹 ren:人任认 reng:仍扔 ri:日 rong:容融溶 ' +
  'rou:柔 ru:入如 ruan:软 ruo:若 san:三伞 sao:扫 se:色 sha:啥 shan:山善 shang:上商伤 shao:少稍绍 she:设社涉舍 shen:什身神深申慎 ' +
  'sheng:生声省胜升剩 shi:失始实市时是示识试事十使世式师士石视史势施适食室释 shou:受手收首守售 shu:书数束赎输术属述树熟署舒 shua:刷 shuai:摔 shuang:双 ' +
  'shui:水谁税 shun:顺瞬 shuo:说 si:斯四司思死似私 song:松送 su:速素 suan:算 sui:随虽 sun:损 suo:所缩 ta:他她它 tai:台太态 tan:谈探 ' +
  'tang:汤趟 tao:讨套 te:特 ti:体提题替踢 tian:天田添填 tiao:条调 tie:贴 ting:停厅挺 tong:同统通童桶 tou:投头透 tu:图突土途吐 tuan:团 ' +
  'tui:退推 tun:吞 tuo:脱 wa:哇 wai:外歪 wan:万完晚玩碗顽 wang:往网王望忘 wei:为未位委维围微危味唯违慰喂 wen:文稳问闻温 wo:我握 wu:五务勿无物误午 ' +
  'xi:席息系细西希喜习吸析洗悉稀 xia:下 xian:现线限险先显献嫌掀 xiang:相详想向像象项香享箱 xiao:小效校消笑销 xie:协携械谢些写 xin:信心新辛欣 xing:型性形兴星幸姓 ' +
  'xiu:休修 xu:续需须许序 xuan:选 xue:学 xun:询寻讯循 ya:亚压呀押 yan:言验眼研严演延沿颜盐 yang:样阳养 yao:要药邀钥 ye:业也夜页 ' +
  'yi:一以已易疑益意义议医依异衣移遗亿译宜 yin:银因引音印饮 ying:英营迎应影映赢盈 yong:用永拥 you:有又由游优右邮 yu:与于域语预育余遇雨欲愈愉 yuan:元原员远院愿源园圆援 ' +
  'yue:约月越悦 yun:运云晕 zai:再在 zan:暂赞 zao:造早 ze:则择责 zen:怎 zeng:增赠 zhai:债窄 zhan:战展站占 zhang:张账章障涨 zhao:照找招召兆 ' +
  'zhe:这着者 zhen:真针 zheng:整正证政争征症 zhi:制执智知置至之只直指治质支致志止值纸旨 zhong:中种终重钟众 zhou:周 zhu:主住助注 zhua:抓 zhuan:转专赚 ' +
  'zhuang:状装 zhun:准 zi:自资子字咨 zong:总综 zou:走 zu:组足族租 zui:最 zun:尊遵 zuo:作坐做左座 ';

let index: Map<string, string> | null = null;

function build(): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of TABLE.split(' ')) {
    const colon = entry.indexOf(':');
    if (colon < 0) continue;
    const syllable = entry.slice(0, colon);
    for (const ch of entry.slice(colon + 1)) if (!map.has(ch)) map.set(ch, syllable);
  }
  return map;
}

/** The tone-less pinyin of one Han character (ü written as v), or undefined when it is not in the table. */
export function pinyinOf(ch: string): string | undefined {
  index ??= build();
  return index.get(ch);
}

/** How many characters the table knows. */
export function pinyinTableSize(): number {
  index ??= build();
  return index.size;
}
