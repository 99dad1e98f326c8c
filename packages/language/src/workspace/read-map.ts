import { promises as fs, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { InputError } from './input-error.js';
import { describeOsError } from './os-errors.js';

/** Where the first byte that is not UTF-8 stands: 1-based line and column (in characters). */
export interface EncodingProblem {
    line: number;
    column: number;
    /** The byte, such as 0xE9. */
    byte: number;
}

/** The largest map read by default, in bytes (5 MB); `maxFileSize` in remit.json changes it. */
export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

// A byte order mark is kept as a character, as Node's own reading does, so nothing is lost.
const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { ignoreBOM: true });

/** The text of `bytes` and, when they are not UTF-8, where the first bad byte is. */
export function decodeUtf8(bytes: Uint8Array): { text: string; problem?: EncodingProblem } {
    try {
        return { text: fatal.decode(bytes) };
    } catch {
        return { text: lenient.decode(bytes), problem: firstInvalidByte(bytes) };
    }
}

/** The first byte that is not part of a well-formed UTF-8 sequence, or undefined when all are. */
export function firstInvalidByte(bytes: Uint8Array): EncodingProblem | undefined {
    let i = 0;
    let line = 1;
    let lineStart = 0;
    while (i < bytes.length) {
        const b = bytes[i];
        let length = 0;
        let min = 0;
        if (b < 0x80) length = 1;
        else if (b >= 0xC2 && b <= 0xDF) { length = 2; min = 0x80; }
        else if (b >= 0xE0 && b <= 0xEF) { length = 3; min = 0x800; }
        else if (b >= 0xF0 && b <= 0xF4) { length = 4; min = 0x10000; }
        let ok = length > 0 && i + length <= bytes.length;
        if (ok && length > 1) {
            let code = b & (0xFF >> (length + 1));
            for (let k = 1; k < length; k++) {
                const c = bytes[i + k];
                if ((c & 0xC0) !== 0x80) { ok = false; break; }
                code = (code << 6) | (c & 0x3F);
            }
            if (ok && (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))) ok = false;
        }
        if (!ok) {
            const before = lenient.decode(bytes.subarray(lineStart, i));
            return { line, column: before.length + 1, byte: b };
        }
        if (b === 0x0A) { line++; lineStart = i + 1; }
        i += length;
    }
    return undefined;
}

/** The message for a file that is not UTF-8 (one place, for `check`, `fmt` and the editor). */
export function encodingMessage(problem: EncodingProblem): string {
    const hex = problem.byte.toString(16).toUpperCase().padStart(2, '0');
    return `This file is not valid UTF-8 text: the byte 0x${hex} at line ${problem.line}, column ${problem.column} is not a character Remit can read, `
        + 'so it is shown as \uFFFD. Save the file as UTF-8 in your editor (or fix that character); remit fmt will not change it until then.';
}

/**
 * Whether the file behind `uri` holds bytes that are not UTF-8. Only called when the text
 * holds U+FFFD (the mark of bytes that could not be decoded), so files that decode cleanly
 * are never read twice.
 */
export function encodingProblemOnDisk(fsPath: string): EncodingProblem | undefined {
    try {
        const stat = statSync(fsPath);
        if (!stat.isFile() || stat.size > DEFAULT_MAX_FILE_SIZE * 4) return undefined;
        return firstInvalidByte(readFileSync(fsPath));
    } catch {
        return undefined;
    }
}

export interface ReadMapOptions {
    /** How the file is named in messages (relative to where the user is). */
    shown?: string;
    /** The largest file read, in bytes. */
    maxFileSize?: number;
}

/**
 * Reads one map from disk, refusing what is not a map before reading a byte of it: a
 * folder, a named pipe, a device (which would never end), or a file above the size limit.
 * Every failure is an InputError, one plain sentence naming the file.
 */
export async function readMapFile(file: string, options: ReadMapOptions = {}): Promise<{ text: string; bytes: Uint8Array; problem?: EncodingProblem }> {
    const shown = options.shown ?? file;
    const limit = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    let stat;
    try {
        stat = await fs.stat(file);
    } catch (err) {
        throw new InputError(`${shown}: cannot be read (${describeOsError(err)}).`);
    }
    if (stat.isDirectory()) throw new InputError(`${shown}: is a folder, not a map.`);
    if (!stat.isFile()) {
        throw new InputError(`${shown}: is not a regular file (it is ${kindOf(stat)}), so it was not read. Give the path of a .remit file.`);
    }
    if (stat.size > limit) {
        throw new InputError(`${shown}: is ${megabytes(stat.size)}, larger than the ${megabytes(limit)} a map may be. Split it into smaller maps, or raise "maxFileSize" in remit.json.`);
    }
    let bytes: Buffer;
    try {
        bytes = await fs.readFile(file);
    } catch (err) {
        throw new InputError(`${shown}: cannot be read (${describeOsError(err)}).`);
    }
    if (bytes.length > limit) {
        throw new InputError(`${shown}: is larger than the ${megabytes(limit)} a map may be. Split it into smaller maps, or raise "maxFileSize" in remit.json.`);
    }
    return { ...decodeUtf8(bytes), bytes };
}

function kindOf(stat: import('node:fs').Stats): string {
    if (stat.isFIFO()) return 'a named pipe';
    if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
    if (stat.isSocket()) return 'a socket';
    return 'not a file';
}

function megabytes(size: number): string {
    if (size < 1024 * 1024) return `${Math.max(1, Math.round(size / 1024))} KB`;
    const mb = size / (1024 * 1024);
    return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

/** A path as the user should see it: relative to `cwd` when inside it. */
export function shownPath(file: string, cwd: string): string {
    const relative = path.relative(cwd, file);
    return relative && !relative.startsWith('..') ? relative.split(path.sep).join('/') : file;
}
