/**
 * The preload runs sandboxed: it may import only 'electron' and is bundled into one CommonJS file.
 * It exposes exactly one object, `window.arw`, with exactly one method. Main checks the sender and
 * validates every request; nothing here is trusted.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { ArwBridge } from '../../shared/contract';

const arw = {
  invoke: (op, request) => ipcRenderer.invoke('arw:invoke', op, request),
} satisfies ArwBridge;

contextBridge.exposeInMainWorld('arw', arw);
