// The start banner: where each page is and how to sign in to the simulated branch.
import type { BranchSecrets } from './secrets.ts';

export function printBanner(
  out: (line: string) => void,
  pages: { kiosk: string; sim: string; agentConsole: string; technician: string },
  secrets: BranchSecrets,
  armPath: string,
): void {
  const rows = [
    ['Kiosk (customer)', pages.kiosk],
    ['Simulation panel', pages.sim],
    [
      'Agent console',
      `${pages.agentConsole}  (users "agent", "expert", "risk" and "supervisor", password ${secrets.agentPassword})`,
    ],
    ['Technician console', `${pages.technician}  (PIN ${secrets.technicianPin})`],
    ['Arm serial port', armPath],
  ];
  const width = Math.max(...rows.map(([k]) => (k as string).length));
  out('');
  out('  Branch in a box is running. Ctrl-C stops everything.');
  for (const [k, v] of rows) out(`  ${(k as string).padEnd(width)}  ${v as string}`);
  out('');
}
