import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createContext, defaultDataDir } from '../app/context';
import { APP_VERSION } from '../app/version';
import { startWebServer } from './server';

/** `npm run web [-- --ledger FILE --port N]`: the renderer served on loopback for machines without a display. */
async function main() {
  const { values } = parseArgs({
    options: { ledger: { type: 'string' }, port: { type: 'string' }, 'data-dir': { type: 'string' } },
  });
  const here = path.dirname(fileURLToPath(import.meta.url));
  const ctx = await createContext({
    mode: 'web',
    version: APP_VERSION,
    dataDir: values['data-dir'] ?? defaultDataDir(),
    ledgerFile: values.ledger,
  });
  const server = await startWebServer(ctx, {
    rendererDir: path.resolve(here, '../../out/renderer'),
    port: values.port ? Number(values.port) : undefined,
  });
  console.log(`AR Workstation (browser mode) at ${server.url}`);
  const stop = async () => {
    await server.close();
    await ctx.ledger?.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
