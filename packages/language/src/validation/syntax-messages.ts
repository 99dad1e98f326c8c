/**
 * Chevrotain speaks of tokens and token sequences; a principal does not. These functions
 * say in plain English what the parser found and what fits there, from what the parser
 * knows (the token expected, the one found, the rule being read); they are called by the
 * parser's and the lexer's message providers (syntax-message-provider.ts). Where the rule
 * is a block, the message names that block and what it may contain.
 */

/** What the parser was reading when it met the error, as the parser gives it. */
export interface SyntaxContext {
    /** The grammar rule being read (e.g. Role, Decision). */
    rule?: string;
    /** Whether the text found is one of the language's keywords (so it cannot be a name). */
    foundKeyword?: boolean;
    /** The text just before the error (the keyword a missing name should follow, say). */
    previous?: string;
}

/** What name each keyword wants after it, with an example. */
const NAME_AFTER: Record<string, string> = {
    from: "Name a phase after 'from', such as 'from Expansion'.",
    until: "Name a phase after 'until', such as 'until Expansion'.",
    backup: "Name a role after 'backup', such as 'backup AssistantPrincipal'.",
    reports: "Name a role after 'reports', such as 'reports Principal'.",
    chair: "Name a role after 'chair', such as 'chair Principal'.",
    members: "Name the members after 'members', such as 'members GradeLead, Principal'.",
    escalate: "Name a role or team after 'escalate', such as 'escalate Superintendent'.",
    after: "Name a decision after 'after', such as 'after SetInstructionalFocus'.",
    uses: "Name a level scheme after 'uses', such as 'uses RAPID'.",
    role: 'A role needs a name, such as: role Principal "Principal".',
    team: 'A team needs a name, such as: team ILT "Instructional Leadership Team".',
    domain: 'A domain needs a name, such as: domain Curriculum "Curriculum and instruction".',
    decision: 'A decision needs a name, such as: decision AdoptMaterials "Adopt core curriculum materials".',
    levels: 'A levels block needs a name, such as: levels Advisory "Advisory model".',
    ',': 'A comma must be followed by another name; remove the comma at the end of the list.'
};

const TOKEN_WORDS: Record<string, string> = {
    ID: 'a name',
    STRING: 'text in double quotes',
    NUMBER: 'a number',
    EOF: 'the end of the file'
};

/** What each block may contain, for "is not a property of" messages. */
const BLOCK_CONTENTS: Record<string, { what: string; noun: string; contents: string }> = {
    Role: { noun: 'role', what: 'a role', contents: 'kind, holders, seats, vacant, release, backup and reports' },
    Team: { noun: 'team', what: 'a team', contents: 'members, chair and rule' },
    Decision: { noun: 'decision', what: 'a decision', contents: 'assignments such as \'decide Principal\', and after, escalate, review, pattern, source and status' },
    Domain: { noun: 'domain', what: 'a domain', contents: 'decisions and other domains' },
    LevelScheme: { noun: 'levels block', what: 'a levels block', contents: 'levels, each written as a name, an optional title in double quotes and its flags (final, veto, required)' },
    PhaseList: { noun: 'phases block', what: 'a phases block', contents: 'phases, each written as a name, an optional title in double quotes and an optional duration such as 6..12 months' }
};

/** Where text in double quotes may stand inside each block. */
const QUOTED_TEXT_PLACES: Record<string, string> = {
    Role: 'In a role, the names of people follow \'holders\', such as: holders "A. Rivera", "B. Chen".',
    Team: 'A team\'s title comes right after its name, such as: team ILT "Instructional Leadership Team".',
    Decision: 'In a decision, text follows \'source\' or \'review\', such as: source "Board policy 4.2".',
    Domain: 'A title comes right after the name it belongs to, such as: decision AdoptMaterials "Adopt core curriculum materials".',
    LevelScheme: 'A level\'s title comes right after its name, such as: decide "Makes the final decision" final.',
    PhaseList: 'A phase\'s title comes right after its name, such as: Preparation "Preparation" 6..12 months.'
};

/** Keywords that start an element of the map: finding one where a '}' was expected means a block was left open. */
const ELEMENT_KEYWORDS = new Set(['map', 'levels', 'phases', 'role', 'team', 'domain', 'decision']);

const MAP_CONTENTS = 'levels, phases, role, team and domain blocks';

function describeToken(token: string): string {
    return TOKEN_WORDS[token] ?? `'${token}'`;
}

function describeFound(found: string): string {
    return found === '' || found === 'EOF' ? 'the end of the file' : `'${found}'`;
}

/** The rule names chevrotain reports carry an invisible marker; strip it. */
function cleanRule(rule: string): string {
    return rule.replace(/[\u200B-\u200D\uFEFF]/g, '');
}

function keywordAsName(found: string): string {
    return `'${found}' is a keyword of the Remit language, so it cannot be used as a name. Choose another name.`;
}

/** One token of a kind was expected, another found (`expected` is a keyword or ID, STRING, NUMBER). */
export function mismatchMessage(expected: string, found: string, context: SyntaxContext = {}): string {
    const rule = context.rule === undefined ? undefined : cleanRule(context.rule);
    const block = rule !== undefined && BLOCK_CONTENTS[rule] ? rule : undefined;
    return mismatch(expected, found, rule, block, context.foundKeyword === true, context.previous);
}

/** Text after the map's last element that cannot start another one. */
export function notAllInputParsedMessage(found: string, foundKeyword: boolean): string {
    return afterMap(found, foundKeyword);
}

/**
 * None of several alternatives fits: `options` are the tokens each alternative starts
 * with (keywords, or ID, STRING, NUMBER).
 */
export function noAlternativeMessage(options: readonly string[], found: string, context: SyntaxContext = {}): string {
    const rule = context.rule === undefined ? undefined : cleanRule(context.rule);
    const unique = [...new Set(options.map(describeToken))];
    const list = unique.length > 0 && unique.length <= 10 ? joinOr(unique) : undefined;
    const subject = ALTERNATIVE_SUBJECTS[rule ?? '']
        ?? Object.entries(SUBJECT_BY_OPTION).find(([option]) => unique.includes(`'${option}'`))?.[1];
    if (found === '') {
        return list ? `The file ends too early: expected ${list} here.` : 'The file ends too early.';
    }
    if (subject && list) {
        return /^[A-Za-z]/.test(found)
            ? `'${found}' is not ${subject}. Use ${list}.`
            : `Expected ${subject} here (${list}), but found '${found}'.`;
    }
    return `${describeFound(found)} does not fit here.${list ? ` Expected ${list}.` : ''}`;
}

/** The same, by one of the words offered (for lists written inside a larger rule). */
const SUBJECT_BY_OPTION: Record<string, string> = {
    administrator: 'a kind of role',
    consensus: 'a way for a team to decide',
    months: 'a unit of time',
    yearly: 'a review cadence',
    collaborative: 'a distribution pattern',
    ratified: 'a status'
};

/** What the words of a closed list are, by grammar rule. */
const ALTERNATIVE_SUBJECTS: Record<string, string> = {
    RoleKind: 'a kind of role',
    TeamRule: 'a way for a team to decide',
    DurationUnit: 'a unit of time',
    Cadence: 'a review cadence',
    Pattern: 'a distribution pattern',
    Status: 'a status'
};

function mismatch(expected: string, found: string, rule: string | undefined, block: string | undefined, foundKeyword: boolean, previous?: string): string {
    const atEnd = found === '' || found === 'EOF';
    if (expected === 'map') {
        if (atEnd) return 'This file is empty. A Remit file starts with its map, such as: map Lakeside "Lakeside Elementary School".';
        return `A Remit file starts with its map, such as: map Lakeside "Lakeside Elementary School"; found ${describeFound(found)} instead.`;
    }
    if (expected === '}') {
        const contents = block ? BLOCK_CONTENTS[block] : undefined;
        if (atEnd) {
            return `The file ends before ${contents ? `the ${contents.noun}` : 'a block'} is closed: add the missing closing brace '}'. Each '{' needs one '}'.`;
        }
        if (ELEMENT_KEYWORDS.has(found) && !(found === 'decision' && block === 'Domain')) {
            return `The ${contents ? contents.noun : 'block'} above is not closed: add '}' before '${found}'. Each '{' needs one '}'.`;
        }
        if (contents && (block === 'LevelScheme' || block === 'PhaseList') && foundKeyword) {
            return keywordAsName(found);
        }
        if (contents && found.startsWith('"')) {
            return `Text in double quotes cannot stand here. ${QUOTED_TEXT_PLACES[block!]}`;
        }
        if (contents) {
            return `'${found}' is not part of ${contents.what}. ${capitalise(contents.what)} contains ${contents.contents}.`;
        }
        return `Expected '}' here, but found ${describeFound(found)}.`;
    }
    if (expected === 'ID') {
        // After 'role', 'team' and the like a keyword is a name attempted; after 'from' or a
        // comma it is more likely the next line, with the name left out.
        if (foundKeyword && (!previous || !NAME_AFTER[previous] || ELEMENT_KEYWORDS.has(previous) || previous === 'levels')) return keywordAsName(found);
        if (previous && NAME_AFTER[previous] && !(rule === 'RemitMap' && previous === 'map')) {
            return found.startsWith('"') || atEnd || !/^[A-Za-z_]/.test(found) || foundKeyword
                ? NAME_AFTER[previous]
                : `${NAME_AFTER[previous]} '${found}' cannot be used there.`;
        }
        if (rule === 'RemitMap' && found.startsWith('"')) {
            return `The map needs a name before its title, such as: map Lakeside "Lakeside Elementary School".`;
        }
        if (atEnd) return 'The file ends too early: expected a name here.';
        if (found.startsWith('"')) return `Expected a name here, not text in double quotes. Names are written without quotes (letters, digits, '_' and '-').`;
        return `Expected a name here, but found ${describeFound(found)}.`;
    }
    if (expected === '%') {
        return `Write the release time as a share of working time with a percent sign, such as 'release 5%'.`;
    }
    if (expected === '/' && rule === 'TeamRule') {
        return `Write a vote as the share of members needed, such as 'vote 2/3'.`;
    }
    if (expected === '{' && /^[A-Za-z_]/.test(found) && !foundKeyword) {
        return `Expected '{' here, but found '${found}'. If '${found}' is part of a title, put the whole title in double quotes.`;
    }
    if (expected === 'STRING') {
        const hint = /^[A-Za-z]/.test(found) ? ' Titles and names of people are written in double quotes.' : '';
        return `Expected text in double quotes here, but found ${describeFound(found)}.${hint}`;
    }
    return `Expected ${describeToken(expected)} here, but found ${describeFound(found)}.`;
}

function afterMap(found: string, foundKeyword: boolean): string {
    if (found === '}') {
        return `This closing brace '}' closes nothing: remove it, or check the braces above. Each '{' needs one '}'.`;
    }
    if (found === 'map') {
        return 'A file holds one map, but a second map starts here. Put each map in a file of its own.';
    }
    if (found === '/') {
        return `A single '/' is not part of the Remit language. Comments start with '//', or with '/*' and then end with '*/'.`;
    }
    if (found === 'decision') {
        return 'A decision must stand inside a domain, such as: domain Curriculum "Curriculum" { decision ... }.';
    }
    if (found === 'uses' || found === 'status') {
        return `'${found}' belongs in the map's header, right after its first line and before any block.`;
    }
    if (foundKeyword) {
        return `'${found}' cannot stand here: it belongs inside a block's braces { }. A map contains ${MAP_CONTENTS}.`;
    }
    if (found.startsWith('"')) {
        return `This text in double quotes does not belong here. A title comes right after the name it belongs to, such as: role Principal "Principal".`;
    }
    return `'${found}' does not belong here. A map contains ${MAP_CONTENTS}, each starting with its keyword; if '${found}' is part of a title, put the whole title in double quotes.`;
}

/** A character that starts no token of the language. */
export function unexpectedCharacterMessage(character: string): string {
    if (character === '"') {
        return 'This text is not closed: add the closing double quote (") on the same line.';
    }
    if (character === "'") {
        return `Titles and names of people are written in double quotes ("), not single quotes ('). An apostrophe is fine inside double quotes, such as "Director's office".`;
    }
    if (character === '.') {
        return `A '.' joins a map's name to the name of one of its elements: write District.Coach.`;
    }
    if (character === '*') {
        return `The character '*' is not part of the Remit language. If a comment starts here with '/*', close it with '*/'.`;
    }
    return `The character '${character}' is not part of the Remit language. Names use letters, digits, '_' and '-'; titles go in double quotes; comments start with '//'.`;
}

function capitalise(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

function joinOr(items: string[]): string {
    if (items.length <= 1) return items.join('');
    return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
