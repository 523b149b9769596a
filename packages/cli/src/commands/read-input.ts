import { constants, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UsageError, type CliContext } from '../command';
import { MAX_INPUT_BYTES } from '../shared';

async function readStream(stream: AsyncIterable<string | Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    chunks.push(bytes.subarray(0, MAX_INPUT_BYTES - size));
    size += Math.min(bytes.byteLength, MAX_INPUT_BYTES - size);
    if (size >= MAX_INPUT_BYTES) break;
  }
  return Buffer.concat(chunks);
}

function kindOf(info: Stats): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a named pipe';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

function notAFile(source: string, info: Stats): UsageError {
  return new UsageError(`'${source}' is ${kindOf(info)}: give a regular file, or '-' to read stdin`);
}

/**
 * Reads at most {@link MAX_INPUT_BYTES} of a regular file. Anything else (a named pipe with no
 * writer would block forever, a device would never end) is refused before it is opened for
 * reading, and again on the opened handle (non-blocking) in case the path was swapped in between.
 */
async function readFileCapped(path: string, source: string): Promise<Uint8Array> {
  let info: Stats;
  try {
    info = await stat(path);
  } catch (error) {
    throw new UsageError(`cannot read '${source}' (${(error as NodeJS.ErrnoException | undefined)?.code ?? 'unreadable'})`);
  }
  if (!info.isFile()) throw notAFile(source, info);
  const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot read '${source}' (${error.code ?? 'unreadable'})`);
  });
  try {
    const opened = await handle.stat();
    if (!opened.isFile()) throw notAFile(source, opened);
    const buffer = Buffer.alloc(MAX_INPUT_BYTES);
    let size = 0;
    while (size < MAX_INPUT_BYTES) {
      const { bytesRead } = await handle.read(buffer, size, MAX_INPUT_BYTES - size, null);
      if (bytesRead === 0) break;
      size += bytesRead;
    }
    return buffer.subarray(0, size);
  } finally {
    await handle.close();
  }
}

/** The text `explain` works on: a regular file (relative to the working folder) or stdin (`-` or no file). */
export async function readInput(source: string | undefined, context: CliContext): Promise<string> {
  let bytes: Uint8Array;
  if (source === undefined || source === '-') {
    if (source === undefined && context.stdin.isTTY === true) throw new UsageError('give a file, or pipe an error body into stdin');
    bytes = await readStream(context.stdin);
  } else {
    bytes = await readFileCapped(resolve(context.cwd, source), source);
  }
  return new TextDecoder('utf-8').decode(bytes);
}
