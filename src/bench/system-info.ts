/** System description for reports and `gasm info`, read with systeminformation. */
import os from 'node:os';
import si from 'systeminformation';
import type { GpuInfo, SystemInfo } from '../report/types.js';

/** GPUs as systeminformation sees them (nvidia-smi where present). Never throws. */
export async function listGpus(): Promise<GpuInfo[]> {
  try {
    const graphics = await si.graphics();
    return graphics.controllers
      .filter((c) => c.vendor || c.model)
      .map((c) => ({ vendor: c.vendor ?? '', model: c.model ?? '', memoryMb: typeof c.vram === 'number' ? c.vram : null }));
  } catch {
    return [];
  }
}

/** Collects the `system` block of a report. */
export async function collectSystemInfo(backend: string): Promise<SystemInfo> {
  const [cpu, osInfo, gpus] = await Promise.all([
    si.cpu().catch(() => null),
    si.osInfo().catch(() => null),
    listGpus(),
  ]);
  const cpuModel = cpu ? `${cpu.manufacturer} ${cpu.brand}`.trim() : os.cpus()[0]?.model ?? 'unknown';
  return {
    cpuModel,
    cores: os.availableParallelism(),
    memoryBytes: os.totalmem(),
    os: osInfo ? `${osInfo.distro} ${osInfo.release} (${osInfo.platform} ${osInfo.arch})` : `${os.platform()} ${os.release()}`,
    node: process.version,
    backend,
    gpus,
  };
}
