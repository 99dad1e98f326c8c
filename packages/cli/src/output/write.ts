/** Writes to stdout and waits until it is flushed, so piped output is never cut short. */
export function writeStdout(text: string | Uint8Array): Promise<void> {
    if (text.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
        process.stdout.write(text, err => (err ? reject(err) : resolve()));
    });
}
