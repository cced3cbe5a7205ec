// Strings of the technician console (its own table: the kiosk's i18n belongs to the customer pages).
export const techEn = {
  title: 'Technician console',
  userLabel: 'Your sign-in name (empty for the trial account)',
  pinLabel: 'Technician PIN',
  signIn: 'Sign in',
  signOut: 'Sign out',
  wrongPin: 'Wrong PIN ({left} attempts left)',
  locked: 'Too many failed attempts: locked for {min} min',
  status: 'Live status',
  reset: 'Safety reset',
  selfTest: 'Run self-test',
  inventory: 'Devices',
  device: 'Device',
  firmware: 'Firmware',
  state: 'State',
  telemetry: 'Arm telemetry',
  positions: 'Joint positions (deg)',
  temperatures: 'Motor temperatures (°C)',
  runbooks: 'Runbooks',
  run: 'Run',
  abort: 'Abort',
  jog: 'Hold-to-run jog',
  jogHint: 'Hold a button: the arm moves at reduced speed only while you hold it.',
  history: 'Event history',
  refresh: 'Refresh',
  bundle: 'Diagnostic bundle',
  bundleMake: 'Build and download',
  bundleReady: 'Ready ({kb} KB)',
  step: 'Step {i} of {n}: {label}',
} as const;

export type TechKey = keyof typeof techEn;

export const techZh: Record<TechKey, string> = {
  title: '技术员控制台',
  userLabel: '登录名（试用账户可留空）',
  pinLabel: '技术员 PIN',
  signIn: '登录',
  signOut: '退出',
  wrongPin: 'PIN 错误（还剩 {left} 次）',
  locked: '失败次数过多：锁定 {min} 分钟',
  status: '实时状态',
  reset: '安全复位',
  selfTest: '运行自检',
  inventory: '设备',
  device: '设备',
  firmware: '固件',
  state: '状态',
  telemetry: '机械臂遥测',
  positions: '关节位置（度）',
  temperatures: '电机温度（°C）',
  runbooks: '故障处理流程',
  run: '运行',
  abort: '中止',
  jog: '按住点动',
  jogHint: '按住按钮：仅在按住期间机械臂以低速移动。',
  history: '事件记录',
  refresh: '刷新',
  bundle: '诊断包',
  bundleMake: '生成并下载',
  bundleReady: '已就绪（{kb} KB）',
  step: '第 {i} 步，共 {n} 步：{label}',
};

export function techT(key: TechKey, vars: Record<string, string | number> = {}): string {
  const table = document.documentElement.lang.startsWith('zh') ? techZh : techEn;
  return table[key].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}
