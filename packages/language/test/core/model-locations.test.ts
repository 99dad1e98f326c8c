/**
 * The model's locations are worked out when read (model/build-model.ts, `located`), not kept
 * as data. They must read as the range of the element's own text, and be data to everything
 * that copies the model: JSON (the json export), spreads (case views), `structuredClone` (the
 * preview's worker thread) and comparisons.
 */
import { expect, test } from 'vitest';
import { checkSources } from '@remit/language';

const TEXT = `map North "North school"
uses School
phases { Pilot  Full }
role Head "Head" { kind administrator }
team Council "Council" { members Head }
domain Curriculum "Curriculum" {
  /** Chooses materials. */
  decision Materials "Choose materials" {
    recommend Council
    decide Head
      until Full
    decide Council from Full
  }
  domain Inner {
    decision Timetable { decide Head  inform Council when "in an emergency" }
  }
}
`;

/** The text a range covers. */
function textAt(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
    const lines = text.split('\n');
    const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
    return text.slice(offset(range.start), offset(range.end));
}

test('every location is where its element is written, and reads as plain data', async () => {
    const uri = 'file:///ws/north.remit';
    const { model } = await checkSources([{ uri, text: TEXT }]);
    const map = model.maps[0];
    const decisions = map.decisions;
    expect(decisions.map(d => d.name)).toEqual(['Materials', 'Timetable']);
    const located = [
        ...map.phases, ...map.roles, ...map.teams, ...map.domains, ...map.domains.flatMap(d => d.domains),
        ...decisions, ...decisions.flatMap(d => d.assignments)
    ];
    expect(located.length).toBe(13);
    for (const element of located) expect(element.location.uri).toBe(uri);
    expect(located.map(e => textAt(TEXT, e.location.range).split('\n')[0])).toEqual([
        'Pilot', 'Full', 'role Head "Head" { kind administrator }', 'team Council "Council" { members Head }',
        'domain Curriculum "Curriculum" {', 'domain Inner {',
        'decision Materials "Choose materials" {', 'decision Timetable { decide Head  inform Council when "in an emergency" }',
        'recommend Council', 'decide Head', 'decide Council from Full', 'decide Head', 'inform Council when "in an emergency"'
    ]);
    const assignment = decisions[0].assignments[1];
    expect(textAt(TEXT, assignment.location.range)).toBe('decide Head\n      until Full');
    // Data to whatever copies the model, with `location` last as it always was.
    const plain = JSON.parse(JSON.stringify(assignment)) as Record<string, unknown>;
    expect(Object.keys(plain).at(-1)).toBe('location');
    expect(plain.location).toEqual(assignment.location);
    expect(structuredClone(assignment)).toEqual(plain);
    expect({ ...decisions[0] }.location).toEqual(decisions[0].location);
    expect(Object.keys(decisions[0]).at(-1)).toBe('location');
});
