// The start banner: where each page is and where the sign-in secrets are kept. The secrets themselves are
// never printed: a terminal's scrollback, a screen share or a captured service log must not hold them.
export function printBanner(
  out: (line: string) => void,
  pages: { kiosk: string; sim: string | null; agentConsole: string; technician: string },
  secretsPath: string,
  armPath: string,
): void {
  const rows = [
    ['Kiosk (customer)', pages.kiosk],
    ...(pages.sim === null ? [] : [['Simulation panel', pages.sim]]),
    [
      'Agent console',
      `${pages.agentConsole}  (users "agent", "expert", "risk" and "supervisor"; password: agentPassword in ${secretsPath})`,
    ],
    ['Technician console', `${pages.technician}  (PIN: technicianPin in ${secretsPath})`],
    ['Arm serial port', armPath],
  ];
  const width = Math.max(...rows.map(([k]) => (k as string).length));
  out('');
  out('  Branch in a box is running. Ctrl-C stops everything.');
  for (const [k, v] of rows) out(`  ${(k as string).padEnd(width)}  ${v as string}`);
  out('');
}
