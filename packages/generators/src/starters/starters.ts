import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GeneratorError } from '../generator-error.js';

/** A starter map that `remit new` copies into a folder. */
export interface Starter {
    name: string;
    description: string;
    /** The starter's files (in packages/generators/starters/<name>/), the main map first. */
    files: string[];
    /** The map names the files define, the main map first. */
    maps: string[];
}

export const STARTERS: readonly Starter[] = [
    { name: 'elementary-ilt', description: 'Elementary school building an instructional leadership team, with four implementation phases (Lakeside Elementary).', files: ['lakeside.remit'], maps: ['Lakeside'] },
    { name: 'middle-school-content-leads', description: 'Middle school with content lead teachers and content-area PLCs (Riverside Middle).', files: ['riverside.remit'], maps: ['Riverside'] },
    { name: 'high-school-departments', description: 'High school where department chairs lead instruction through a schoolwide council (Highland High).', files: ['highland.remit'], maps: ['Highland'] },
    { name: 'district-network', description: 'Rural district with a cross-school teacher leadership network, and one school map (Pinewood).', files: ['district.remit', 'north-school.remit'], maps: ['Pinewood', 'PinewoodNorth'] },
    { name: 'blank-school', description: 'A small blank map using the School scheme (recommend, consult, agree, decide, inform).', files: ['school.remit'], maps: ['NewSchool'] },
    { name: 'blank-rapid', description: 'A small blank map using RAPID (recommend, input, agree, decide, perform).', files: ['rapid.remit'], maps: ['NewSchool'] },
    { name: 'blank-raci', description: 'A small blank map using RACI (responsible, consulted, accountable, informed).', files: ['raci.remit'], maps: ['NewSchool'] },
    { name: 'blank-daci', description: 'A small blank map using DACI (driver, contributor, approver, informed).', files: ['daci.remit'], maps: ['NewSchool'] }
];

export interface StarterFile {
    /** File name to write, e.g. `oakdale.remit`. */
    name: string;
    text: string;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

export function findStarter(name: string): Starter {
    const starter = STARTERS.find(s => s.name === name);
    if (!starter) {
        throw new GeneratorError(`There is no starter named '${name}'. Choose one of: ${STARTERS.map(s => s.name).join(', ')}.`);
    }
    return starter;
}

function startersFolder(): string {
    return fileURLToPath(new URL('../../starters/', import.meta.url));
}

/**
 * The files of a starter, with its main map renamed to `mapName` (other maps of the
 * starter that begin with the main map's name follow it: Pinewood, PinewoodNorth become
 * Oakdale, OakdaleNorth). Names are replaced as names only, never inside titles,
 * comments or other text. `title`, when given, becomes the main map's title.
 */
export async function instantiateStarter(name: string, mapName?: string, title?: string): Promise<StarterFile[]> {
    const starter = findStarter(name);
    if (mapName !== undefined && !IDENTIFIER.test(mapName)) {
        throw new GeneratorError(`'${mapName}' cannot be a map name: use letters, digits, '_' and '-', starting with a letter (for example Oakdale).`);
    }
    const main = starter.maps[0];
    const renames = new Map(starter.maps.map(m => [m, mapName !== undefined && m.startsWith(main) ? mapName + m.slice(main.length) : m]));
    const result: StarterFile[] = [];
    for (const [i, file] of starter.files.entries()) {
        const text = await fs.readFile(path.join(startersFolder(), starter.name, file), 'utf8');
        let renamed = renameIdentifiers(text, renames);
        if (i === 0 && title !== undefined) renamed = retitleMap(renamed, title);
        const newMap = renames.get(starter.maps[i]) ?? starter.maps[i];
        result.push({ name: mapName === undefined ? file : `${kebab(newMap)}.remit`, text: renamed });
    }
    return result;
}

/** `OakdaleNorth` → `oakdale-north`. */
export function kebab(name: string): string {
    return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/_/g, '-').toLowerCase();
}

/** Replaces whole identifiers outside strings and comments. */
export function renameIdentifiers(text: string, renames: ReadonlyMap<string, string>): string {
    let out = '';
    let i = 0;
    while (i < text.length) {
        const rest = text.slice(i);
        const skip = /^(\/\/[^\n]*|\/\*[\s\S]*?\*\/|"(?:[^"\\\n]|\\.)*")/.exec(rest);
        if (skip) {
            out += skip[0];
            i += skip[0].length;
            continue;
        }
        const word = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(rest);
        if (word) {
            out += renames.get(word[0]) ?? word[0];
            i += word[0].length;
            continue;
        }
        out += text[i++];
    }
    return out;
}

/** Replaces the title of the file's `map` statement, escaping it as a Remit string. */
export function retitleMap(text: string, title: string): string {
    const quoted = `"${title.replace(/[\r\n]+/g, ' ').replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
    return text.replace(/^(map\s+[A-Za-z_][A-Za-z0-9_-]*\s+)"(?:[^"\\\n]|\\.)*"/m, (_, head: string) => head + quoted);
}
