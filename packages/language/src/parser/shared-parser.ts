import { createLangiumParser, type LangiumCoreServices, type LangiumParser, type Linker } from 'langium';

/**
 * One parser for every set of services in a process.
 *
 * A new Langium parser costs more than building it (about 40 ms): its rules are closures
 * of their own, which V8 has to warm up again, so the first file it reads is several
 * times slower than the next one (about 120 ms against 15 to 20 ms for a 66 KB school
 * map). Anything that checks more than once in a process makes a fresh set of services
 * each time: `remit diff` (two revisions), the editor's Compare with HEAD, the test suite.
 *
 * A parser holds nothing of one set of services but the linker, with which it creates the
 * references of the trees it builds (they must resolve in the workspace the tree belongs
 * to). So each set of services gets a view of the one parser that hands it its own linker
 * just before each parse. Parsing is synchronous, so no other parse can come in between.
 * The grammar, lexer and value converter are the same for every set of services.
 */
let shared: LangiumParser | undefined;

export function sharedParser(services: LangiumCoreServices): LangiumParser {
    const parser = shared ??= createLangiumParser(services);
    const linker = services.references.Linker;
    const view = Object.create(parser) as LangiumParser;
    view.parse = ((input: string, options?: unknown) => {
        (parser as unknown as { linker: Linker }).linker = linker;
        return (parser.parse as (input: string, options?: unknown) => ReturnType<LangiumParser['parse']>)(input, options);
    }) as LangiumParser['parse'];
    return view;
}
