/**
 * What an error from the operating system means, in a few plain words, for messages such
 * as "maps/a.remit: cannot be read (permission denied)." One place for every command.
 */
const REASONS: Record<string, string> = {
    ENOENT: 'there is no such file or folder',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    ELOOP: 'it is a symbolic link that leads back to itself',
    EROFS: 'the disk is read-only',
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is used up',
    EISDIR: 'it is a folder',
    ENOTDIR: 'part of the path is a file, not a folder',
    EMFILE: 'too many files are open',
    ENFILE: 'too many files are open',
    ENAMETOOLONG: 'the name is too long',
    EEXIST: 'something with that name already exists',
    EBUSY: 'it is in use',
    EXDEV: 'it is on another disk',
    EIO: 'the disk could not be read or written',
    EINVAL: 'the system refused it',
    ETXTBSY: 'it is in use'
};

export function describeOsError(err: unknown): string {
    const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
    if (typeof code === 'string' && REASONS[code]) return REASONS[code];
    if (typeof code === 'string' && code !== '') return `the system said ${code}`;
    return 'the system refused it';
}

/** Whether `err` is an error from the operating system (it carries a code such as ENOENT). */
export function isOsError(err: unknown): err is NodeJS.ErrnoException {
    return err instanceof Error && typeof (err as NodeJS.ErrnoException).code === 'string'
        && /^E[A-Z]+$/.test((err as NodeJS.ErrnoException).code!)
        && typeof (err as NodeJS.ErrnoException).syscall === 'string';
}
