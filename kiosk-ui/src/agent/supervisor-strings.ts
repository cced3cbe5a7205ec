// The supervisor tab's words, one object per view in en and zh-CN (the zh-CN object must have every key
// of the en one), keyed as the console's i18n keys are, so they move into src/i18n/ as they stand.
import type { Locale } from '../i18n/index.ts';

type Strings<K extends string> = Readonly<Record<Locale, Readonly<Record<K, string>>>>;

const wallboardEn = {
  'supervisor.tab': 'Supervisor',
  'supervisor.wallboard.heading': 'Wallboard',
  'supervisor.wallboard.window': 'Window',
  'supervisor.wallboard.window.hour': 'Last hour',
  'supervisor.wallboard.window.day': 'Last day',
  'supervisor.wallboard.window.week': 'Last week',
  'supervisor.wallboard.threshold': 'Service level: answered within (s)',
  'supervisor.wallboard.updated': 'Hub time {at}',
  'supervisor.wallboard.waiting': 'Waiting now',
  'supervisor.wallboard.longestWait': 'Longest wait now',
  'supervisor.wallboard.serviceLevel': 'Service level ({s} s)',
  'supervisor.wallboard.abandoned': 'Abandoned',
  'supervisor.wallboard.abandonedCount': 'Abandoned',
  'supervisor.wallboard.queue.agent': 'General',
  'supervisor.wallboard.queue.expert': 'Expert (VIP)',
  'supervisor.wallboard.queue.risk': 'Risk and compliance',
  'supervisor.wallboard.handleTime': 'Average handling time',
  'supervisor.wallboard.satisfaction': 'Satisfaction',
  'supervisor.wallboard.satisfactionValue': '{avg} / 5 ({n} ratings)',
  'supervisor.wallboard.negative': 'Visits with sustained negative cues',
  'supervisor.wallboard.agents': 'Agents',
  'supervisor.wallboard.agentsValue': '{online} online · {busy} busy · {away} away',
  'supervisor.wallboard.none': '–',
  'supervisor.wallboard.queue': 'Queue',
  'supervisor.wallboard.offered': 'Offered',
  'supervisor.wallboard.answered': 'Answered',
  'supervisor.wallboard.inTarget': 'Answered in time',
  'supervisor.wallboard.transferred': 'Transferred out',
  'supervisor.wallboard.deskHandle': 'Handling time here',
  'supervisor.wallboard.chart': 'Calls per {bucket} min',
  'supervisor.wallboard.status.online': 'online',
  'supervisor.wallboard.status.busy': 'busy',
  'supervisor.wallboard.status.away': 'away',
  'supervisor.wallboard.loadError': 'Could not load the wallboard: {error}',
} as const;

export const WALLBOARD_STRINGS: Strings<keyof typeof wallboardEn> = {
  en: wallboardEn,
  'zh-CN': {
    'supervisor.tab': '主管',
    'supervisor.wallboard.heading': '实时看板',
    'supervisor.wallboard.window': '时间范围',
    'supervisor.wallboard.window.hour': '最近一小时',
    'supervisor.wallboard.window.day': '最近一天',
    'supervisor.wallboard.window.week': '最近一周',
    'supervisor.wallboard.threshold': '服务水平：接听时限（秒）',
    'supervisor.wallboard.updated': '中心时间 {at}',
    'supervisor.wallboard.waiting': '当前排队',
    'supervisor.wallboard.longestWait': '当前最长等待',
    'supervisor.wallboard.serviceLevel': '服务水平（{s} 秒）',
    'supervisor.wallboard.abandoned': '放弃率',
    'supervisor.wallboard.abandonedCount': '放弃',
    'supervisor.wallboard.queue.agent': '普通业务',
    'supervisor.wallboard.queue.expert': '专家（贵宾）',
    'supervisor.wallboard.queue.risk': '风险与合规',
    'supervisor.wallboard.handleTime': '平均处理时长',
    'supervisor.wallboard.satisfaction': '满意度',
    'supervisor.wallboard.satisfactionValue': '{avg} / 5（{n} 个评分）',
    'supervisor.wallboard.negative': '持续负面情绪的来访占比',
    'supervisor.wallboard.agents': '坐席',
    'supervisor.wallboard.agentsValue': '在线 {online} · 通话中 {busy} · 离开 {away}',
    'supervisor.wallboard.none': '–',
    'supervisor.wallboard.queue': '队列',
    'supervisor.wallboard.offered': '呼入',
    'supervisor.wallboard.answered': '接听',
    'supervisor.wallboard.inTarget': '及时接听',
    'supervisor.wallboard.transferred': '转出',
    'supervisor.wallboard.deskHandle': '本队列处理时长',
    'supervisor.wallboard.chart': '每 {bucket} 分钟通话数',
    'supervisor.wallboard.status.online': '在线',
    'supervisor.wallboard.status.busy': '通话中',
    'supervisor.wallboard.status.away': '离开',
    'supervisor.wallboard.loadError': '无法加载看板：{error}',
  },
};

const qualityEn = {
  'supervisor.quality.heading': 'Quality scoring',
  'supervisor.quality.recording': 'Recorded call',
  'supervisor.quality.recordingOption': '{when} · agent {agent} · kiosk {kiosk}',
  'supervisor.quality.noRecordings': 'No recorded calls to score.',
  'supervisor.quality.greeting': 'Greeting',
  'supervisor.quality.identityCheck': 'Identity check',
  'supervisor.quality.suitability': 'Suitability disclosure (product talk)',
  'supervisor.quality.resolution': 'Resolution',
  'supervisor.quality.mark.0': 'Not done',
  'supervisor.quality.mark.1': 'Partly',
  'supervisor.quality.mark.2': 'Fully',
  'supervisor.quality.mark.na': 'No product discussed',
  'supervisor.quality.notes': 'Notes',
  'supervisor.quality.save': 'Save score',
  'supervisor.quality.saved': 'Saved: {agent} {percent} %',
  'supervisor.quality.report': 'Quality per agent (last 30 days)',
  'supervisor.quality.agent': 'Agent',
  'supervisor.quality.scored': 'Scored calls',
  'supervisor.quality.average': 'Average',
  'supervisor.quality.error': 'Could not save or load scores: {error}',
} as const;

export const QUALITY_STRINGS: Strings<keyof typeof qualityEn> = {
  en: qualityEn,
  'zh-CN': {
    'supervisor.quality.heading': '质检评分',
    'supervisor.quality.recording': '通话录音',
    'supervisor.quality.recordingOption': '{when} · 坐席 {agent} · 终端 {kiosk}',
    'supervisor.quality.noRecordings': '暂无可评分的通话录音。',
    'supervisor.quality.greeting': '问候',
    'supervisor.quality.identityCheck': '身份核实',
    'supervisor.quality.suitability': '适当性告知（涉及产品）',
    'supervisor.quality.resolution': '问题解决',
    'supervisor.quality.mark.0': '未做到',
    'supervisor.quality.mark.1': '部分做到',
    'supervisor.quality.mark.2': '完全做到',
    'supervisor.quality.mark.na': '未涉及产品',
    'supervisor.quality.notes': '备注',
    'supervisor.quality.save': '保存评分',
    'supervisor.quality.saved': '已保存：{agent} {percent} %',
    'supervisor.quality.report': '坐席质检（最近 30 天）',
    'supervisor.quality.agent': '坐席',
    'supervisor.quality.scored': '已评通话',
    'supervisor.quality.average': '平均分',
    'supervisor.quality.error': '无法保存或加载评分：{error}',
  },
};

const exportEn = {
  'supervisor.export.heading': 'Export (CSV)',
  'supervisor.export.from': 'From',
  'supervisor.export.to': 'To',
  'supervisor.export.calls': 'Calls',
  'supervisor.export.tickets': 'Tickets',
  'supervisor.export.scores': 'Scores',
  'supervisor.export.done': 'Downloaded {file}',
  'supervisor.export.error': 'Could not export: {error}',
} as const;

export const EXPORT_STRINGS: Strings<keyof typeof exportEn> = {
  en: exportEn,
  'zh-CN': {
    'supervisor.export.heading': '导出（CSV）',
    'supervisor.export.from': '开始日期',
    'supervisor.export.to': '结束日期',
    'supervisor.export.calls': '通话',
    'supervisor.export.tickets': '工单',
    'supervisor.export.scores': '评分',
    'supervisor.export.done': '已下载 {file}',
    'supervisor.export.error': '无法导出：{error}',
  },
};

/** A view's string in this locale, with {placeholders} filled. */
export function say<K extends string>(
  strings: Strings<K>,
  locale: Locale,
  key: K,
  vars: Record<string, string | number> = {},
): string {
  return strings[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}
