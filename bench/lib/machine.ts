// The machine a result was measured on, written into every result file.
import { cpus, totalmem } from 'node:os';

export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  ramGb: number;
  node: string;
  date: string;
}

export function machineInfo(): MachineInfo {
  const list = cpus();
  return {
    cpus: list.length,
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    ramGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    date: new Date().toISOString(),
  };
}
