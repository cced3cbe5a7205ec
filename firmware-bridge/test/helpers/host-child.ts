// A host process for the watchdog test: connects, homes, starts a long move, says so, and waits to be killed.
import { openArm } from '../../src/index.ts';

const path = process.argv[2]!;
const arm = openArm({ dialect: 'binary', path });
await arm.connect();
await arm.home();
void arm.moveJoints([-150, 80, -85, -85, 0], { speedScale: 0.2 }).catch(() => {});
setTimeout(() => process.stdout.write('moving\n'), 100);
