// `npm run security:electron`: Doyensec's Electronegativity over the Electron shell and the renderer,
// offline (the check that downloads Electron's release list is excluded). Every finding must be on
// the reviewed list beside this file, with the reason it is acceptable; anything new fails CI.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity/dist/runner.js');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const reviewed = JSON.parse(fs.readFileSync(path.join(root, 'tests/integrity/electronegativity-reviewed.json'), 'utf8'));
const electronVersion = require(path.join(root, 'node_modules/electron/package.json')).version;

// The global checks (CSP, navigation limits, permission handler) look across the whole app, so the
// shell, the browser-mode server and the renderer are scanned together, as one copy.
const INPUTS = ['electron/main', 'electron/preload', 'electron/web', 'renderer/index.html', 'renderer/src'];
const OFFLINE = ['AvailableSecurityFixesGlobalCheck'];

const scan = fs.mkdtempSync(path.join(os.tmpdir(), 'arw-electronegativity-'));
for (const input of INPUTS) fs.cpSync(path.join(root, input), path.join(scan, input), { recursive: true });

const unexpected = [];
let total = 0;
const result = await run(
  { input: scan, excludeFromScan: OFFLINE, isRelative: true, electronVersionOverride: electronVersion, severitySet: 'informational', confidenceSet: 'tentative', parserPlugins: [] },
  false,
);
for (const e of result.errors ?? []) {
  console.error(`electronegativity could not parse ${e.file}: ${e.message ?? e.error ?? ''}`);
  unexpected.push({ id: 'PARSE_ERROR', file: String(e.file) });
}
for (const issue of result.issues) {
  total++;
  const file = String(issue.file).split(path.sep).join('/');
  const ok = reviewed.some((r) => r.id === issue.id && r.file === file);
  const where = `${issue.id} ${file}:${issue.location.line}:${issue.location.column} (${issue.severity.name}/${issue.confidence.name})`;
  if (ok) console.log(`reviewed  ${where}`);
  else {
    console.error(`NEW       ${where} ${issue.shortenedURL ?? ''}`);
    unexpected.push({ id: issue.id, file });
  }
}
fs.rmSync(scan, { recursive: true, force: true });
console.log(`electronegativity ${electronVersion === undefined ? '' : `(Electron ${electronVersion}) `}: ${total} finding(s), ${unexpected.length} not reviewed`);
if (unexpected.length) {
  console.error('Review each new finding; fix it, or add it to tests/integrity/electronegativity-reviewed.json with the reason it is safe.');
  process.exit(1);
}
