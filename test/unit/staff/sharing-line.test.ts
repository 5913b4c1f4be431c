// The staff console's sharing line (issue 20): during a long first replication a clerk sees how far along
// it is; afterwards, when it last completed; nothing when sharing is off.
import { describe, expect, it } from 'vitest';
import { sharingLine } from '../../../src/ui/staff/sharing-line.ts';

describe('staff console sharing line', () => {
  it('says nothing with sharing off', () => {
    expect(sharingLine({ state: 'off' })).toBeNull();
  });

  it('during a first replication: how many documents of how many, and the share, never 100% while it runs', () => {
    const during = sharingLine({ state: 'active', progress: { here: 12_345, server: 41_188 } })!;
    expect(during.zh).toContain('已收到 12,345 / 41,188 份（29%）');
    expect(during.en).toContain('12,345 of 41,188 documents (29%)');
    expect(sharingLine({ state: 'active', progress: { here: 41_187, server: 41_188 } })!.zh).toContain('（99%）');
  });

  it('syncing after the first replication, and in sync: the last complete sync time', () => {
    const lastSync = '2026-12-08T01:17:05.000Z'; // 09:17 in China
    expect(sharingLine({ state: 'active', lastSync }, 'Asia/Shanghai')!.zh).toMatch(/正在同步…（上次同步完成：12\/8 09:17）/);
    // everything is in the replica, the stores the list reads are still being written
    expect(sharingLine({ state: 'active', progress: { here: 10, server: 10 } })!.zh).toBe('共享：已收到服务器上的 10 份，正在存入本机…（还没有完整同步过）');
    const idle = sharingLine({ state: 'idle', lastSync }, 'Asia/Shanghai')!;
    expect(idle.zh).toMatch(/已与服务器同步。上次同步完成：12\/8 09:17/);
    expect(idle.en).toMatch(/in sync with the server, last complete sync 8 Dec, 09:17/);
    expect(sharingLine({ state: 'active' })!.zh).toContain('还没有完整同步过');
  });

  it('while the stores are being written: how many they hold of how many, so the clerk sees that phase move', () => {
    const storing = sharingLine({ state: 'active', progress: { here: 82_332, server: 82_332, stored: 61_004 } })!;
    expect(storing.zh).toBe('共享：已收到服务器上的 82,332 份，正在存入本机：已存入 61,004 / 82,332 份（74%）…（还没有完整同步过）');
    expect(storing.en).toBe('Sharing: all 82,332 documents received, storing them here: 61,004 of 82,332 stored (74%)… (not yet synced completely)');
    // never 100% while it still runs
    expect(sharingLine({ state: 'active', progress: { here: 100, server: 100, stored: 100 } })!.zh).toContain('已存入 100 / 100 份（99%）');
  });

  it('offline and errors say what happens to records and where to look', () => {
    expect(sharingLine({ state: 'offline' })!.zh).toContain('记录保存在本机');
    expect(sharingLine({ state: 'error', message: { zh: '用户名或密码不对', en: 'Wrong user name or password' } })!.zh).toBe('共享出错：用户名或密码不对。请在“设置 → 共享”中查看。');
  });
});
