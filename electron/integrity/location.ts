/**
 * Where the ledger lives. A SQLite file in a cloud-synced folder can be uploaded half-written or
 * merged with another machine's copy, and network file systems do not honour SQLite's locks, so
 * the app warns (it does not refuse: the user may know what they are doing).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LocationWarning } from '../../shared/api/integrity';

/** Folder names sync clients create (matched per path segment, case-insensitively). */
const CLOUD_FOLDERS: [RegExp, string][] = [
  [/^dropbox( \(.+\))?$/i, 'Dropbox'],
  [/^onedrive( - .+)?$/i, 'OneDrive'],
  [/^onedrive-.+$/i, 'OneDrive'], // macOS ~/Library/CloudStorage/OneDrive-Personal
  [/^(icloud ?drive.*|mobile documents|com~apple~clouddocs)$/i, 'iCloud Drive'],
  [/^(google ?drive.*|googledrive-.+|my drive|我的云端硬盘)$/i, 'Google Drive'],
  [/^(Box|Box Sync|Box Drive|Box-Box)$/, 'Box'],
  [/^(nutstore|我的坚果云|坚果云)$/i, 'Nutstore 坚果云'],
  [/^(baidusyncdisk|百度网盘同步空间?)$/i, 'Baidu Netdisk 百度网盘'],
  [/^(wps ?cloud ?files|wps云盘|wps网盘)$/i, 'WPS Cloud'],
];

/** Linux statfs f_type magic numbers of network file systems. */
const NETWORK_FS_TYPES = new Map<number, string>([
  [0x6969, 'NFS'],
  [0x517b, 'SMB'],
  [0xff534d42, 'CIFS'],
  [0xfe534d42, 'SMB2'],
  [0x564c, 'NCP'],
  [0x01021997, '9P'],
  [0x5346414f, 'AFS'],
]);

const NETWORK_MOUNT_TYPES = /^(nfs4?|cifs|smb3?|smbfs|afpfs|webdav|davfs|fuse\.sshfs|sshfs|fuse\.rclone|9p|afs|ncpfs)$/i;

export interface LocationProbe {
  platform: NodeJS.Platform;
  realpath(p: string): string;
  /** statfs type number, when the platform reports one. */
  fsType(p: string): number | null;
  /** Linux mount table: mount point → file system type. */
  mounts(): [string, string][];
}

export const systemProbe: LocationProbe = {
  platform: process.platform,
  realpath: (p) => {
    try {
      return fs.realpathSync.native(p);
    } catch {
      return p;
    }
  },
  fsType: (p) => {
    try {
      return Number(fs.statfsSync(p).type);
    } catch {
      return null;
    }
  },
  mounts: () => {
    try {
      return fs
        .readFileSync('/proc/mounts', 'utf8')
        .split('\n')
        .map((l) => l.split(' '))
        .filter((f) => f.length >= 3)
        .map((f) => [f[1].replace(/\\040/g, ' '), f[2]] as [string, string]);
    } catch {
      return [];
    }
  },
};

export function cloudProviderOf(file: string): string | null {
  const segments = file.split(/[\\/]+/).filter(Boolean);
  for (const seg of segments) for (const [re, name] of CLOUD_FOLDERS) if (re.test(seg)) return name;
  return null;
}

export function ledgerLocationWarning(file: string, probe: LocationProbe = systemProbe): LocationWarning | null {
  const abs = path.resolve(file);
  const real = probe.realpath(abs);
  for (const p of [file, abs, real]) {
    // \\server\share\… and //server/share/…: a Windows network share (mapped drives resolve to these).
    if (/^(\\\\|\/\/)[^\\/]+[\\/][^\\/]+/.test(p) && !/^\\\\\?\\[A-Za-z]:/.test(p)) return { kind: 'network', provider: 'network share' };
    const cloud = cloudProviderOf(p);
    if (cloud) return { kind: 'cloud', provider: cloud };
  }
  if (probe.platform === 'linux') {
    const dir = path.dirname(real);
    const type = probe.fsType(dir);
    if (type !== null && NETWORK_FS_TYPES.has(type)) return { kind: 'network', provider: NETWORK_FS_TYPES.get(type)! };
    let best: [string, string] | null = null;
    for (const m of probe.mounts()) {
      const mp = m[0].endsWith('/') ? m[0] : m[0] + '/';
      if ((dir + '/').startsWith(mp) && (!best || m[0].length > best[0].length)) best = m;
    }
    if (best && NETWORK_MOUNT_TYPES.test(best[1])) return { kind: 'network', provider: best[1] };
  }
  return null;
}
