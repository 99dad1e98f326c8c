import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GeneratorError } from '../generator-error.js';

/** A starter map that `remit new` copies into a folder. */
export interface Starter {
    name: string;
    /** What a principal sees in a list: "Elementary school with an instructional leadership team". */
    label: string;
    /** One line on what the starter is for. */
    description: string;
    /** The kind of school, after its name, for a title nobody gave: Oakdale "Elementary School". */
    titleSuffix: string;
    /** The starter's files (in packages/generators/starters/<name>/), the main map first. */
    files: string[];
    /** The map names the files define, the main map first. */
    maps: string[];
}

export const STARTERS: readonly Starter[] = [
    { name: 'elementary-ilt', label: 'Elementary school with an instructional leadership team', titleSuffix: 'Elementary School', description: 'A principal hands decisions to an instructional leadership team over four implementation phases.', files: ['lakeside.remit'], maps: ['Lakeside'] },
    { name: 'middle-school-content-leads', label: 'Middle school with content lead teachers', titleSuffix: 'Middle School', description: 'Content lead teachers lead content-area teams (PLCs) with the principal.', files: ['riverside.remit'], maps: ['Riverside'] },
    { name: 'high-school-departments', label: 'High school led through departments', titleSuffix: 'High School', description: 'Department chairs lead instruction through a schoolwide council.', files: ['highland.remit'], maps: ['Highland'] },
    { name: 'district-network', label: 'District with a teacher leadership network', titleSuffix: 'School District', description: 'A district map with a cross-school network of teacher leaders, and one school map under it.', files: ['district.remit', 'north-school.remit'], maps: ['Pinewood', 'PinewoodNorth'] },
    { name: 'blank-school', label: 'Blank map (recommend, consult, agree, decide, inform)', titleSuffix: 'School', description: 'A small map to fill in, using the School scheme.', files: ['school.remit'], maps: ['NewSchool'] },
    { name: 'blank-rapid', label: 'Blank map using RAPID', titleSuffix: 'School', description: 'A small map to fill in: recommend, input, agree, decide, perform.', files: ['rapid.remit'], maps: ['NewSchool'] },
    { name: 'blank-raci', label: 'Blank map using RACI', titleSuffix: 'School', description: 'A small map to fill in: responsible, consulted, accountable, informed.', files: ['raci.remit'], maps: ['NewSchool'] },
    { name: 'blank-daci', label: 'Blank map using DACI', titleSuffix: 'School', description: 'A small map to fill in: driver, contributor, approver, informed.', files: ['daci.remit'], maps: ['NewSchool'] }
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
 * A starter made into the school's own first map: its main map renamed to `mapName`
 * (other maps of the starter that begin with the main map's name follow it: Pinewood,
 * PinewoodNorth become Oakdale, OakdaleNorth) and titled `title` (by default the name and
 * the kind of school: "Oakdale Elementary School"); the case-study school's name replaced
 * in titles and comments; every status `draft`, since nothing is agreed yet; the names of
 * people left out (each role says where to write them); and a comment at the top that
 * tells a principal what to change. Names are replaced as names only, never inside other
 * words.
 */
export async function instantiateStarter(name: string, mapName?: string, title?: string): Promise<StarterFile[]> {
    const starter = findStarter(name);
    if (mapName !== undefined && !IDENTIFIER.test(mapName)) {
        throw new GeneratorError(`'${mapName}' cannot be a map name: use letters, digits, '_' and '-', starting with a letter (for example Oakdale).`);
    }
    const main = starter.maps[0];
    const renames = new Map(starter.maps.map(m => [m, mapName !== undefined && m.startsWith(main) ? mapName + m.slice(main.length) : m]));
    const school = mapName ?? main;
    const mainTitle = title ?? (mapName !== undefined ? `${spaced(mapName)} ${starter.titleSuffix}` : undefined);
    const result: StarterFile[] = [];
    for (const [i, file] of starter.files.entries()) {
        const text = await fs.readFile(path.join(startersFolder(), starter.name, file), 'utf8');
        let renamed = renameIdentifiers(text, renames);
        if (mapName !== undefined && main !== 'NewSchool') renamed = renameInText(renamed, main, spaced(school));
        renamed = makeDraft(renamed);
        if (i === 0 && mainTitle !== undefined) renamed = retitleMap(renamed, mainTitle);
        if (i === 0) renamed = withGuide(renamed, starter, mainTitle ?? main);
        const newMap = renames.get(starter.maps[i]) ?? starter.maps[i];
        result.push({ name: mapName === undefined ? file : `${kebab(newMap)}.remit`, text: renamed });
    }
    return result;
}

/** `OakdaleNorth` → `Oakdale North`, `Oak_dale` → `Oak dale`. */
function spaced(name: string): string {
    return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]/g, ' ');
}

/** The case-study school's name in titles and comments ("Lakeside Parent-Teacher Association") becomes the new school's. */
function renameInText(text: string, from: string, to: string): string {
    return text.replace(new RegExp(`\\b${from}\\b`, 'g'), to);
}

/**
 * Every `status` becomes draft (a new map is agreed by nobody yet), and the names of
 * people become a comment saying where they go.
 */
function makeDraft(text: string): string {
    return text
        .replace(/^(\s*status\s+)(ratified|proposed)\b[^\n]*$/gm, (_, head: string) => `${head}draft`)
        .replace(/^(\s*)holders\s+"(?:[^"\\\n]|\\.)*"(?:\s*,\s*"(?:[^"\\\n]|\\.)*")*[^\n]*$/gm,
            (_, indent: string) => `${indent}// holders "..."   write the names of the people in this role here`);
}

/** The map's doc comment replaced by one about the new school, and a guide to what to change. */
function withGuide(text: string, starter: Starter, title: string): string {
    const guide = [
        `// Started from the "${starter.label}" starter of remit new. To make it your school's own:`,
        '//  1. Rename, add or remove roles and teams so they match the people who lead at your school,',
        '//     and write who holds each role on its holders line.',
        '//  2. Go through each decision: who recommends, who is consulted, who decides, who is told.',
        '//  3. Keep "status draft" while the leadership team discusses the map; change it to',
        '//     "status ratified" once it is agreed, and add version, adopted and approved lines.',
        '//  4. Run remit check after each change; remit generate charter --format pdf prints the charter.',
        '',
        `/** ${title.replace(/\*\//g, '* /')}: who holds which authority over which decisions. Describe your school here: its size, its district, what this map is for. */`
    ].join('\n');
    const withoutDoc = text.replace(/^\s*\/\*\*[\s\S]*?\*\/\s*(?=map\s)/, '');
    return `${guide}\n${withoutDoc.replace(/^\s+/, '')}`;
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
