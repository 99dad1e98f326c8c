/** Input the tools cannot use at all (no such file, unreadable, a bad remit.json): exit code 2. */
export class InputError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'InputError';
    }
}
