// The page's heap split into V8's compiled code and everything else, from a full heap snapshot (CDP).
// Code (bytecode, baseline and optimised machine code, their metadata) grows as the engine warms up on
// functions that run once per journey and then levels off; everything else (objects, strings, arrays,
// closures, DOM wrappers) is what a leak would hold on to. Measuring both tells the two apart.
import type { CDPSession } from 'playwright-core';

export interface HeapSplit {
  /** Bytes in nodes of the snapshot's 'code' type. */
  code: number;
  /** Bytes in every other node. */
  other: number;
  /**
   * Machine-code objects (V8's InstructionStream): one per function compiled beyond bytecode (baseline,
   * Maglev or TurboFan). Their count rising between two snapshots says how many functions reached a
   * compiled tier in between: V8 tiers a function up after a number of calls (hundreds for Maglev), so a
   * function called a few times a journey gets there only after tens of journeys.
   */
  machineCode: number;
}

interface SnapshotJson {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  nodes: number[];
  strings: string[];
}

export function splitSnapshot(snap: SnapshotJson): HeapSplit {
  const fields = snap.snapshot.meta.node_fields;
  const typeNames = snap.snapshot.meta.node_types[0];
  const stride = fields.length;
  const typeAt = fields.indexOf('type');
  const sizeAt = fields.indexOf('self_size');
  const nameAt = fields.indexOf('name');
  const codeType = typeNames.indexOf('code');
  const machineCodeName = snap.strings.indexOf('system / InstructionStream');
  const split: HeapSplit = { code: 0, other: 0, machineCode: 0 };
  for (let i = 0; i < snap.nodes.length; i += stride) {
    const size = snap.nodes[i + sizeAt]!;
    if (snap.nodes[i + typeAt] !== codeType) split.other += size;
    else {
      split.code += size;
      if (snap.nodes[i + nameAt] === machineCodeName) split.machineCode++;
    }
  }
  return split;
}

/** Collects garbage, takes a heap snapshot and splits it. */
export async function heapSplit(cdp: CDPSession): Promise<HeapSplit> {
  await cdp.send('HeapProfiler.collectGarbage');
  const chunks: string[] = [];
  const onChunk = (e: { chunk: string }) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  return splitSnapshot(JSON.parse(chunks.join('')) as SnapshotJson);
}
