/** Writes to stdout and waits until it is flushed, so piped output is never cut short. */
export function writeStdout(text: string): Promise<void> {
    if (text === '') return Promise.resolve();
    return new Promise((resolve, reject) => {
        process.stdout.write(text, err => (err ? reject(err) : resolve()));
    });
}
