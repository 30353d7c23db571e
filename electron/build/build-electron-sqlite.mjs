#!/usr/bin/env node
/**
 * Builds better-sqlite3 for Electron (not Node) into native/electron/<arch>/better_sqlite3.node.
 *
 * node_modules/better-sqlite3 keeps its Node build: the tests, the CLI and browser mode run under
 * Node and use it. The Electron app passes the file built here to better-sqlite3's `nativeBinding`
 * option (see electron/main/index.ts), and electron-builder ships it as
 * resources/native/better_sqlite3.node (see electron-builder.yml).
 *
 * The build runs in a temporary copy of the package, so node_modules is never touched. It needs a
 * C++ toolchain (Windows: Visual Studio Build Tools with "Desktop development with C++" and
 * Python 3; macOS: Xcode command line tools) and, unless --headers is given, internet access to
 * download Electron's headers from https://electronjs.org/headers.
 *
 * Usage: npm run rebuild:electron [-- --arch x64,arm64] [--electron 38.8.6] [--headers DIR] [--out DIR]
 *   --arch      CPU(s) to build for. Default: x64 and arm64 on macOS (the dmg targets both),
 *               otherwise this machine's CPU.
 *   --electron  Electron version. Default: the installed node_modules/electron.
 *   --headers   An unpacked Electron headers directory (offline builds; passed as --nodedir).
 *   --out       Output root. Default: native/electron.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(path.join(repoRoot, 'package.json'));

/** Machine codes in the binary's header, to prove the output is for the CPU we asked for. */
const MACHINES = {
  elf: { x64: 0x3e, arm64: 0xb7, ia32: 0x03 },
  pe: { x64: 0x8664, arm64: 0xaa64, ia32: 0x014c },
  macho: { x64: 0x01000007, arm64: 0x0100000c },
};

function fail(message) {
  console.error(`build-electron-sqlite: ${message}`);
  process.exit(1);
}

export function parseArgs(argv) {
  const opts = { arch: null, electron: null, headers: null, out: null };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const key = flag.replace(/^--/, '');
    if (!(key in opts) || !flag.startsWith('--')) fail(`unknown option ${argv[i]}`);
    const value = inline ?? argv[++i];
    if (value === undefined) fail(`${flag} needs a value`);
    opts[key] = value;
  }
  return opts;
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** The CPU a .node file was compiled for, read from its ELF, PE or Mach-O header. */
export function binaryArch(file) {
  const buf = fs.readFileSync(file);
  const find = (table, code) => Object.keys(table).find((arch) => table[arch] === code) ?? `unknown(0x${code.toString(16)})`;
  if (buf.readUInt32BE(0) === 0x7f454c46) return find(MACHINES.elf, buf.readUInt16LE(18));
  if (buf.readUInt16LE(0) === 0x5a4d) {
    const pe = buf.readUInt32LE(0x3c);
    return find(MACHINES.pe, buf.readUInt16LE(pe + 4));
  }
  if (buf.readUInt32LE(0) === 0xfeedfacf) return find(MACHINES.macho, buf.readUInt32LE(4));
  return 'unknown';
}

/**
 * npm passes its config to scripts as npm_config_* variables, and node-gyp reads them: a stray
 * nodedir, target or runtime would silently build against Node's headers instead of Electron's.
 * Only the values on our command line may decide.
 */
function cleanEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^npm_config_(nodedir|target|target_arch|arch|runtime|disturl|dist_url|devdir|build_from_source)$/i.test(key)) delete env[key];
  }
  return env;
}

function buildOne({ arch, electronVersion, headers, outRoot, sourceDir }) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `arw-sqlite-electron-${arch}-`));
  try {
    const copy = path.join(work, 'better-sqlite3');
    // The package as published, minus its Node build.
    fs.cpSync(sourceDir, copy, {
      recursive: true,
      filter: (src) => path.relative(sourceDir, src).split(path.sep)[0] !== 'build' && path.basename(src) !== 'node_modules',
    });
    const nodeGyp = require.resolve('node-gyp/bin/node-gyp.js');
    const args = [
      nodeGyp,
      'rebuild',
      '--release',
      `--target=${electronVersion}`,
      `--arch=${arch}`,
      '--dist-url=https://electronjs.org/headers',
      // What npm and prebuild tools use to mark an Electron build; node-gyp keeps it as a variable.
      '--runtime=electron',
      // Electron's headers are cached apart from Node's: both can have the same version number.
      `--devdir=${path.join(os.homedir(), '.electron-gyp')}`,
    ];
    if (headers) args.push(`--nodedir=${path.resolve(headers)}`);
    console.log(`\n→ better-sqlite3 for Electron ${electronVersion} (${process.platform}-${arch})`);
    const result = spawnSync(process.execPath, args, { cwd: copy, env: cleanEnv(), stdio: 'inherit' });
    if (result.error) fail(`could not run node-gyp: ${result.error.message}`);
    if (result.status !== 0) fail(`node-gyp failed for ${arch} (exit ${result.status}); see the output above`);

    const built = path.join(copy, 'build', 'Release', 'better_sqlite3.node');
    if (!fs.existsSync(built)) fail(`node-gyp reported success but ${built} is missing`);
    const actual = binaryArch(built);
    if (actual !== arch) fail(`built binary is for ${actual}, expected ${arch}`);

    const destDir = path.join(outRoot, arch);
    fs.mkdirSync(destDir, { recursive: true });
    const dest = path.join(destDir, 'better_sqlite3.node');
    fs.copyFileSync(built, dest);
    const info = {
      electron: electronVersion,
      betterSqlite3: readJson(path.join(sourceDir, 'package.json')).version,
      platform: process.platform,
      arch,
      builtAt: new Date().toISOString(),
    };
    fs.writeFileSync(path.join(destDir, 'build-info.json'), JSON.stringify(info, null, 2) + '\n');
    console.log(`✓ ${path.relative(repoRoot, dest) || dest}`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const sourceDir = path.dirname(require.resolve('better-sqlite3/package.json'));
  let electronVersion = opts.electron;
  if (!electronVersion) {
    try {
      electronVersion = readJson(require.resolve('electron/package.json')).version;
    } catch {
      fail('electron is not installed: run `npm ci` first (ELECTRON_SKIP_BINARY_DOWNLOAD=1 is fine)');
    }
  }
  if (!/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(electronVersion)) fail(`not an Electron version: ${electronVersion}`);
  const archs = opts.arch ? opts.arch.split(',').map((a) => a.trim()).filter(Boolean) : process.platform === 'darwin' ? ['x64', 'arm64'] : [process.arch];
  for (const arch of archs) if (!['x64', 'arm64', 'ia32'].includes(arch)) fail(`unsupported --arch ${arch}`);
  const outRoot = path.resolve(repoRoot, opts.out ?? path.join('native', 'electron'));
  for (const arch of archs) buildOne({ arch, electronVersion, headers: opts.headers, outRoot, sourceDir });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
