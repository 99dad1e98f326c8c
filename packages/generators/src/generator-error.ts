import { InputError } from '@remit/language';

/**
 * A request a generator cannot carry out because of what the user asked for (an unknown
 * map, decision or phase, a template that cannot be read). It is an InputError, so the
 * command line prints its one line and exits with code 2.
 */
export class GeneratorError extends InputError {
    constructor(message: string) {
        super(message);
        this.name = 'GeneratorError';
    }
}
