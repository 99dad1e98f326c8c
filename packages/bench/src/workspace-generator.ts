import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { Random } from './prng.js';

/**
 * Seeded generator of realistic Remit workspaces: schools, a district whose schools refer to
 * the district map (`District.Superintendent`, district teacher leaders in school teams,
 * `after District.Decision`), phased handovers of final authority, and a state of many
 * districts. The maps are written to check with few findings, as a real repository would:
 * teacher leaders are not overloaded, final authority is spread beyond administrators, every
 * role is used, `after` links only point backwards so they never form a cycle.
 */

export interface GeneratedFile {
    /** Relative to the workspace root, with forward slashes. */
    path: string;
    text: string;
}

export interface GeneratedWorkspace {
    name: string;
    files: GeneratedFile[];
    maps: number;
    decisions: number;
    bytes: number;
}

export interface GeneratedMap {
    text: string;
    /** Names of the map's decisions, in the order written. */
    decisions: string[];
}

/** What a school map may refer to in its district's map. */
export interface DistrictRefs {
    /** The district map's name, e.g. `District`. */
    map: string;
    /** Decisions a school's decisions may come `after`. */
    decisions: readonly string[];
}

const PHASES: ReadonlyArray<readonly [string, string, string]> = [
    ['Preparation', 'Preparation', ' 6..12 months'],
    ['Initial', 'Initial implementation', ' 1..2 years'],
    ['Expansion', 'Expansion', ' 2..3 years'],
    ['Institutionalization', 'Institutionalization', '']
];
/** Phases a final authority may be handed over at (never the first: nobody would hold it before). */
const HANDOVER_PHASES = ['Initial', 'Expansion', 'Institutionalization'];

const VERBS = ['Adopt', 'Set', 'Choose', 'Approve', 'Revise', 'Plan', 'Schedule', 'Review', 'Design', 'Allocate', 'Evaluate', 'Publish'];

interface DomainSpec { name: string; title: string; objects: string[] }

const SCHOOL_DOMAINS: DomainSpec[] = [
    { name: 'Curriculum', title: 'Curriculum and instruction', objects: ['core reading materials', 'mathematics units', 'science kits', 'writing rubric', 'intervention block', 'pacing guide', 'novel study list', 'phonics programme', 'project-based units', 'homework policy'] },
    { name: 'Assessment', title: 'Assessment and data', objects: ['benchmark assessments', 'data-team protocol', 'grading scale', 'common formative assessments', 'progress-monitoring tool', 'report card comments', 'testing calendar'] },
    { name: 'ProfessionalLearning', title: 'Professional learning', objects: ['professional development calendar', 'peer observation cycle', 'coaching focus', 'book study', 'lab classroom schedule', 'new-teacher mentoring', 'learning walk protocol'] },
    { name: 'Budget', title: 'Budget and resources', objects: ['discretionary budget', 'grant application', 'supply budget', 'technology budget', 'field trip funds', 'substitute budget'] },
    { name: 'Staffing', title: 'Staffing', objects: ['hiring panel', 'teaching assignments', 'duty roster', 'student teacher placements', 'paraprofessional schedule'] },
    { name: 'Scheduling', title: 'Scheduling', objects: ['master schedule', 'bell schedule', 'common planning time', 'assembly calendar', 'testing schedule', 'lunch and recess schedule'] },
    { name: 'StudentSupport', title: 'Student support', objects: ['behaviour framework', 'attendance plan', 'tiered supports', 'counselling referrals', 'IEP meeting schedule', 'restorative circles'] },
    { name: 'Community', title: 'Families and community', objects: ['family conference format', 'newsletter', 'volunteer programme', 'community partnerships', 'family engagement night'] },
    { name: 'Technology', title: 'Technology', objects: ['device rollout', 'learning platform', 'acceptable use policy', 'data privacy settings'] },
    { name: 'Facilities', title: 'Facilities and safety', objects: ['room assignments', 'building use requests', 'safety drills', 'playground upgrade'] }
];

const DISTRICT_DOMAINS: DomainSpec[] = [
    { name: 'Instruction', title: 'Instruction across the schools', objects: ['literacy framework', 'mathematics framework', 'science adoption', 'graduation requirements', 'dual-language programme', 'summer school model'] },
    { name: 'ProfessionalLearning', title: 'Professional learning', objects: ['summer institute', 'teacher leadership network days', 'coaching model', 'induction programme', 'lesson study cycle'] },
    { name: 'Finance', title: 'Finance', objects: ['district budget', 'school allocations formula', 'capital plan', 'grant priorities', 'stipend schedule'] },
    { name: 'HumanResources', title: 'Human resources', objects: ['teacher leader selection', 'principal evaluations', 'salary schedule', 'recruitment campaign'] },
    { name: 'Governance', title: 'Governance and policy', objects: ['strategic plan', 'board policy revisions', 'school calendar', 'attendance boundaries', 'equity plan'] },
    { name: 'Operations', title: 'Operations', objects: ['transport routes', 'meal programme', 'technology platform', 'safety plan'] }
];

const DOCS = [
    'Agreed at the leadership retreat; revisit when the improvement plan changes.',
    'Teacher leaders asked for this to move to the team, not the office.',
    'The handover follows the distributed leadership plan adopted by the board.',
    'Families are told before the change takes effect, not after.',
    'Kept with the principal while the team builds its routines.'
];
const SOURCES = [
    'Board policy 3100: annual budget adoption',
    'Negotiated agreement, article 11: release days',
    'School improvement plan, goal 2',
    'Minutes of the leadership team, 14 September',
    'State code 22-4: instructional materials'
];
const REVIEWS = ['yearly', 'termly', 'monthly', '"every two years"'];
const PEOPLE = ['A. Rivera', 'S. Begay', 'T. Morales', 'J. Okafor', 'M. Chen', 'L. Haddad', 'R. Novak', 'P. Singh', 'E. Lindqvist', 'K. Mensah'];

/** A holder a decision may name, with what the rules need to know of it. */
interface Holder {
    name: string;
    /** Times it may still stand alone at a counted level (teacher roles; see overloaded-role). */
    budget?: number;
    admin?: boolean;
}

/** Who in a map may hold what. */
interface Cast {
    finals: Array<readonly [Holder, number]>;
    /** Used when a weighted pick lands on a holder whose budget is spent. */
    fallbackFinal: Holder;
    recommenders: Holder[];
    consulted: Holder[];
    vetoes: Holder[];
    informed: Holder[];
    /** Every role and team, so that each is used at least once. */
    all: Holder[];
    escalate: (finals: readonly string[]) => string | undefined;
}

/** One map's decisions, spread across domains (one nested), as Remit text. */
function writeDomains(out: string[], rng: Random, specs: readonly DomainSpec[], count: number, cast: Cast, district?: DistrictRefs): string[] {
    const names: string[] = [];
    const taken = new Set<string>();
    const perDomain = distribute(count, specs.length);
    let handovers = 0;
    let nested = false;
    for (let d = 0; d < specs.length; d++) {
        const spec = specs[d];
        if (perDomain[d] === 0) continue;
        out.push(`domain ${spec.name} "${spec.title}" {`);
        // One nested domain per map, as real maps group e.g. literacy inside curriculum.
        const nestHere = !nested && perDomain[d] >= 4;
        const innerCount = nestHere ? Math.floor(perDomain[d] / 3) : 0;
        if (nestHere) {
            nested = true;
            out.push(`  domain ${spec.name}Core "${spec.title}: core" {`);
        }
        for (let i = 0; i < perDomain[d]; i++) {
            const indent = nestHere && i < innerCount ? '    ' : '  ';
            if (nestHere && i === innerCount) out.push('  }');
            const verb = rng.pick(VERBS);
            const object = rng.pick(spec.objects);
            let name = verb + camel(object);
            for (let n = 2; taken.has(name); n++) name = verb + camel(object) + n;
            taken.add(name);
            const decisionIndex = names.length;
            names.push(name);
            handovers += writeDecision(out, rng, indent, name, `${verb} the ${object}`, decisionIndex, names, cast, handovers, district);
        }
        if (nestHere && innerCount === perDomain[d]) out.push('  }');
        out.push('}', '');
    }
    return names;
}

/** Writes one decision; returns 1 when it hands final authority over at a phase. */
function writeDecision(out: string[], rng: Random, indent: string, name: string, title: string, index: number, earlier: readonly string[], cast: Cast, handoversSoFar: number, district?: DistrictRefs): number {
    const inner = indent + '  ';
    const lines: string[] = [];
    // A holder stands at most once in a decision: twice would be a (deliberate) finding.
    const used = new Set<string>();
    const take = (h: Holder) => used.add(h.name);
    const free = (pool: readonly Holder[]) => pool.filter(h => !used.has(h.name) && (h.budget === undefined || h.budget > 0));
    const spend = (h: Holder) => { if (h.budget !== undefined) h.budget--; };

    // Final authority first (chosen first so the other levels avoid its holders).
    const finals: string[] = [];
    const pickFinal = (): Holder => {
        for (let tries = 0; tries < 8; tries++) {
            const h = rng.weighted(cast.finals);
            if (!used.has(h.name) && (h.budget === undefined || h.budget > 0)) return h;
        }
        return used.has(cast.fallbackFinal.name) ? cast.finals.map(([h]) => h).find(h => !used.has(h.name) && h.budget === undefined)! : cast.fallbackFinal;
    };
    let pattern: string | undefined;
    let handover = 0;
    const finalLines: string[] = [];
    const shape = rng.next();
    if (shape < 0.15) {
        // Gradual transfer: the first holder until a phase, the second from it.
        const phase = HANDOVER_PHASES[handoversSoFar % HANDOVER_PHASES.length];
        const a = pickFinal(); take(a); spend(a);
        const b = pickFinal(); take(b); spend(b);
        finalLines.push(`decide ${a.name} until ${phase}`, `decide ${b.name} from ${phase}`);
        finals.push(a.name, b.name);
        handover = 1;
    } else if (shape < 0.2) {
        pattern = 'collaborative';
        const a = pickFinal(); take(a); spend(a);
        const b = pickFinal(); take(b); spend(b);
        finalLines.push(`decide ${a.name}, ${b.name}`);
        finals.push(a.name, b.name);
    } else {
        const a = pickFinal(); take(a); spend(a);
        finalLines.push(`decide ${a.name}`);
        finals.push(a.name);
    }

    // The first decisions between them consult every role and team once, so none is unused.
    const mustConsult = index < cast.all.length && !used.has(cast.all[index].name) ? cast.all[index] : undefined;
    if (mustConsult) take(mustConsult);

    const r = rng.next();
    if (r < 0.7) {
        const pool = free(cast.recommenders);
        if (pool.length) { const h = rng.pick(pool); take(h); spend(h); lines.push(`recommend ${h.name}`); }
    } else if (r < 0.9) {
        const pool = free(cast.recommenders);
        const two = rng.sample(pool, 2);
        // Shared recommendations do not count towards a teacher leader's load.
        two.forEach(take);
        if (two.length) lines.push(`recommend ${two.map(h => h.name).join(', ')}`);
    }
    const consulted = rng.sample(free(cast.consulted), rng.int(0, 2));
    consulted.forEach(take);
    if (mustConsult) consulted.push(mustConsult);
    if (consulted.length) lines.push(`consult ${consulted.map(h => h.name).join(', ')}`);
    if (index === 0) {
        // A consultation limited to the first phases, so every phase is referred to.
        const early = free(cast.informed)[0];
        if (early) { take(early); lines.push(`consult ${early.name} from Preparation until Initial`); }
    }
    if (rng.chance(0.1)) {
        const pool = free(cast.vetoes);
        if (pool.length) { const h = rng.pick(pool); take(h); spend(h); lines.push(`agree ${h.name}`); }
    }
    lines.push(...finalLines);
    if (rng.chance(0.6)) {
        const informed = rng.sample(free(cast.informed), rng.int(1, 2));
        informed.forEach(take);
        if (informed.length) lines.push(`inform ${informed.map(h => h.name).join(', ')}`);
    }

    const afters: string[] = [];
    if (index > 0 && rng.chance(0.2)) afters.push(earlier[rng.int(Math.max(0, index - 20), index - 1)]);
    if (district && district.decisions.length && rng.chance(0.1)) afters.push(`${district.map}.${rng.pick(district.decisions)}`);
    if (afters.length) {
        lines.push(`after ${afters.join(', ')}`);
        if (!pattern && rng.chance(0.6)) pattern = 'coordinated';
    }
    if (rng.chance(0.25)) {
        const to = cast.escalate(finals);
        if (to) lines.push(`escalate ${to}`);
    }
    if (rng.chance(0.5)) lines.push(`review ${rng.pick(REVIEWS)}`);
    if (rng.chance(0.1)) lines.push(`source "${rng.pick(SOURCES)}"`);
    if (rng.chance(0.08)) lines.push(`status ${rng.pick(['draft', 'proposed'])}`);
    if (pattern) lines.unshift(`pattern ${pattern}`);

    if (rng.chance(0.15)) out.push(`${indent}/** ${rng.pick(DOCS)} */`);
    out.push(`${indent}decision ${name} "${title}" {`);
    for (const line of lines) out.push(inner + line);
    out.push(`${indent}}`);
    return handover;
}

function phasesBlock(out: string[]): void {
    out.push('phases {');
    for (const [name, title, duration] of PHASES) out.push(`  ${name} "${title}"${duration}`);
    out.push('}', '');
}

function role(out: string[], name: string, title: string, props: string[]): void {
    if (props.length === 0) { out.push(`role ${name} "${title}"`); return; }
    if (props.length <= 2) { out.push(`role ${name} "${title}" { ${props.join('  ')} }`); return; }
    out.push(`role ${name} "${title}" {`, ...props.map(p => '  ' + p), '}');
}

function team(out: string[], name: string, title: string, members: string[], chair: string | undefined, rule: string): void {
    out.push(`team ${name} "${title}" {`, `  members ${members.join(', ')}`);
    if (chair) out.push(`  chair ${chair}`);
    out.push(`  rule ${rule}`, '}');
}

/** A school's map. With `district`, it reports to and works with the district map's roles. */
export function generateSchool(options: { name: string; title: string; decisions: number; seed: string; district?: DistrictRefs }): GeneratedMap {
    const rng = new Random(options.seed);
    const d = options.district?.map;
    const out: string[] = [];
    out.push(`/** ${options.title}: who holds which authority over the school's decisions. */`);
    out.push(`map ${options.name} "${options.title}"`, 'uses School', `status ${rng.pick(['ratified', 'ratified', 'proposed'])}`, '');
    phasesBlock(out);

    const grades = rng.int(5, 8);
    const top = d ? `${d}.Superintendent` : 'Superintendent';
    role(out, 'Principal', 'Principal', ['kind administrator', `holders "${rng.pick(PEOPLE)}"`, 'backup AssistantPrincipal', `reports ${top}`]);
    role(out, 'AssistantPrincipal', 'Assistant principal', ['kind administrator', 'backup Principal', 'reports Principal']);
    role(out, 'GradeLead', 'Grade-level team leader', ['kind teacher', `seats ${grades}`, 'release 10%', 'reports Principal']);
    role(out, 'MathChair', 'Mathematics department chair', ['kind teacher', 'release 10%']);
    role(out, 'LiteracyChair', 'Literacy department chair', ['kind teacher', 'release 10%']);
    role(out, 'Coach', 'Instructional coach', ['kind teacher', 'release 50%', 'reports Principal']);
    role(out, 'Counselor', 'School counselor', ['kind staff', `seats ${rng.int(1, 3)}`]);
    role(out, 'OfficeManager', 'Office manager', ['kind staff']);
    role(out, 'Staff', 'All teaching staff', ['kind teacher', `seats ${rng.int(20, 70)}`]);
    role(out, 'Families', 'Families', ['kind family']);
    role(out, 'StudentCouncil', 'Student council', ['kind student']);
    if (!d) role(out, 'Superintendent', 'Superintendent', ['kind district']);
    out.push('');
    team(out, 'ILT', 'Instructional Leadership Team', ['GradeLead', 'MathChair', 'LiteracyChair', 'Coach', 'Principal'], 'Principal', 'consensus then chair');
    team(out, 'GradeTeams', 'Grade-level teams', ['GradeLead', 'Staff'], 'GradeLead', 'majority');
    team(out, 'SiteCouncil', 'School site council', ['Principal', 'Staff', 'Families', 'StudentCouncil'], 'Principal', 'vote 2/3');
    team(out, 'SupportTeam', 'Student support team', ['Counselor', 'AssistantPrincipal', 'Coach'], 'Counselor', 'consensus then chair');
    const coaching = d ? [`${d}.LiteracyLead`, `${d}.MathLead`] : [];
    team(out, 'CoachingTeam', 'Coaching team', ['Coach', 'MathChair', 'LiteracyChair', ...coaching], 'Coach', 'unanimous then chair');
    out.push('');

    const h = (name: string, extra: Partial<Holder> = {}): Holder => ({ name, ...extra });
    const principal = h('Principal', { admin: true });
    const ap = h('AssistantPrincipal', { admin: true });
    // Teacher leaders may stand alone 3 times plus one per 5% of release (overloaded-role).
    const gradeLead = h('GradeLead', { budget: 5 });
    const mathChair = h('MathChair', { budget: 5 });
    const literacyChair = h('LiteracyChair', { budget: 5 });
    const coach = h('Coach', { budget: 13 });
    const ilt = h('ILT'); const gradeTeams = h('GradeTeams'); const siteCouncil = h('SiteCouncil');
    const supportTeam = h('SupportTeam'); const coachingTeam = h('CoachingTeam');
    const counselor = h('Counselor'); const office = h('OfficeManager'); const staff = h('Staff');
    const families = h('Families'); const students = h('StudentCouncil');
    const districtLeads = d ? [h(`${d}.LiteracyLead`), h(`${d}.MathLead`), h(`${d}.EquityLead`)] : [];
    const cast: Cast = {
        finals: [[principal, 28], [ap, 10], [ilt, 20], [gradeTeams, 12], [siteCouncil, 8], [supportTeam, 7], [coachingTeam, 5],
            [gradeLead, 3], [mathChair, 2], [literacyChair, 2], [coach, 3]],
        fallbackFinal: ilt,
        recommenders: [ilt, gradeTeams, coachingTeam, supportTeam, gradeLead, mathChair, literacyChair, coach, counselor],
        consulted: [staff, gradeLead, families, students, counselor, office, mathChair, literacyChair, siteCouncil, ...districtLeads],
        vetoes: [siteCouncil, ilt, ap],
        informed: [staff, families, students, office, ...(d ? [h(`${d}.Superintendent`)] : [])],
        all: [principal, ap, gradeLead, mathChair, literacyChair, coach, counselor, office, staff, families, students,
            ilt, gradeTeams, siteCouncil, supportTeam, coachingTeam, ...(d ? [] : [h('Superintendent')])],
        escalate: finals => finals.includes('Principal') ? (d ? `${d}.Superintendent` : 'Superintendent') : 'Principal'
    };
    const decisions = writeDomains(out, rng, SCHOOL_DOMAINS, options.decisions, cast, options.district);
    return { text: out.join('\n'), decisions };
}

/** A district's own map: the superintendent, the board, district teacher leaders. */
export function generateDistrictMap(options: { name: string; title: string; decisions: number; schools: number; seed: string }): GeneratedMap {
    const rng = new Random(options.seed);
    const out: string[] = [];
    out.push(`/** ${options.title}. The schools' maps refer to this map's roles and decisions as ${options.name}.Name. */`);
    out.push(`map ${options.name} "${options.title}"`, 'status ratified', '');
    phasesBlock(out);
    const leads = Math.max(1, options.schools);
    role(out, 'Superintendent', 'Superintendent', ['kind district', `holders "${rng.pick(PEOPLE)}"`, 'backup DeputySuperintendent']);
    role(out, 'DeputySuperintendent', 'Deputy superintendent', ['kind district', 'backup Superintendent', 'reports Superintendent']);
    role(out, 'CurriculumDirector', 'Director of curriculum', ['kind administrator', 'reports DeputySuperintendent']);
    role(out, 'FinanceDirector', 'Director of finance', ['kind administrator', 'reports Superintendent']);
    role(out, 'HRDirector', 'Director of human resources', ['kind administrator', 'reports Superintendent']);
    role(out, 'Principals', 'Building principals', ['kind administrator', `seats ${options.schools}`, 'reports Superintendent']);
    role(out, 'LiteracyLead', 'Teacher leader, literacy', ['kind teacher', `seats ${leads}`, 'release 20%', 'reports CurriculumDirector']);
    role(out, 'MathLead', 'Teacher leader, mathematics', ['kind teacher', `seats ${leads}`, 'release 20%', 'reports CurriculumDirector']);
    role(out, 'EquityLead', 'Teacher leader, equity', ['kind teacher', `seats ${leads}`, 'release 20%', 'reports CurriculumDirector']);
    role(out, 'Teachers', 'All district teachers', ['kind teacher', `seats ${options.schools * 30 + 10}`]);
    role(out, 'AssociationPresident', 'Education association president', ['kind teacher']);
    role(out, 'Trustee', 'School board trustee', ['kind community', 'seats 7']);
    role(out, 'ParentCouncil', 'District parent council', ['kind family']);
    out.push('');
    team(out, 'Board', 'Board of education', ['Trustee'], undefined, 'majority');
    team(out, 'Cabinet', "Superintendent's cabinet", ['Superintendent', 'DeputySuperintendent', 'CurriculumDirector', 'FinanceDirector', 'HRDirector'], 'Superintendent', 'chair');
    team(out, 'TLN', 'Teacher Leadership Network', ['LiteracyLead', 'MathLead', 'EquityLead'], undefined, 'consensus then majority');
    team(out, 'DLT', 'District leadership team', ['Cabinet', 'Principals', 'TLN'], 'Superintendent', 'consensus then chair');
    team(out, 'CurriculumCouncil', 'Curriculum council', ['CurriculumDirector', 'TLN', 'Principals'], 'CurriculumDirector', 'vote 2/3');
    out.push('');

    const h = (name: string, extra: Partial<Holder> = {}): Holder => ({ name, ...extra });
    const sup = h('Superintendent'); const deputy = h('DeputySuperintendent');
    const cd = h('CurriculumDirector', { admin: true }); const fd = h('FinanceDirector', { admin: true }); const hr = h('HRDirector', { admin: true });
    const principals = h('Principals', { admin: true });
    const lit = h('LiteracyLead', { budget: 7 }); const math = h('MathLead', { budget: 7 }); const eq = h('EquityLead', { budget: 7 });
    const teachers = h('Teachers'); const union = h('AssociationPresident', { budget: 3 }); const trustee = h('Trustee'); const parents = h('ParentCouncil');
    const board = h('Board'); const cabinet = h('Cabinet'); const tln = h('TLN'); const dlt = h('DLT'); const council = h('CurriculumCouncil');
    const cast: Cast = {
        finals: [[sup, 18], [deputy, 8], [board, 15], [cabinet, 12], [dlt, 14], [council, 10], [tln, 10], [cd, 5], [fd, 4], [hr, 4]],
        fallbackFinal: dlt,
        recommenders: [tln, cabinet, council, cd, fd, hr, lit, math, eq, principals],
        consulted: [principals, teachers, tln, parents, union, lit, math, eq, fd],
        vetoes: [union, board],
        informed: [teachers, principals, parents, board],
        all: [sup, deputy, cd, fd, hr, principals, lit, math, eq, teachers, union, trustee, parents, board, cabinet, tln, dlt, council],
        escalate: finals => finals.includes('Board') ? undefined : finals.includes('Superintendent') ? 'Board' : 'Superintendent'
    };
    const decisions = writeDomains(out, rng, DISTRICT_DOMAINS, options.decisions, cast);
    return { text: out.join('\n'), decisions };
}

export interface DistrictOptions {
    /** Maps in all, the district's own map included. */
    maps: number;
    /** Average decisions per school map (each school varies around it by a third). */
    decisionsPerSchool: number;
    /** Name of the district map (`District` in a single district). */
    mapName?: string;
    /** Folder inside the workspace. */
    folder?: string;
    /** Prefix of the schools' map names, unique across a state. */
    schoolPrefix?: string;
}

function districtFiles(seed: string, options: DistrictOptions): { files: GeneratedFile[]; decisions: number } {
    const mapName = options.mapName ?? 'District';
    const folder = options.folder ? options.folder + '/' : '';
    const schools = options.maps - 1;
    const district = generateDistrictMap({ name: mapName, title: `${mapName} Unified School District`, decisions: 60, schools, seed: `${seed}/district` });
    const refs: DistrictRefs = { map: mapName, decisions: district.decisions.slice(0, 30) };
    const files: GeneratedFile[] = [{ path: `${folder}district.remit`, text: district.text }];
    let decisions = district.decisions.length;
    const rng = new Random(`${seed}/sizes`);
    const prefix = options.schoolPrefix ?? 'School';
    const spread = Math.floor(options.decisionsPerSchool / 3);
    for (let i = 1; i <= schools; i++) {
        const id = String(i).padStart(3, '0');
        const count = rng.int(options.decisionsPerSchool - spread, options.decisionsPerSchool + spread);
        const school = generateSchool({ name: `${prefix}${id}`, title: `${mapName} school ${id}`, decisions: count, seed: `${seed}/school-${i}`, district: refs });
        files.push({ path: `${folder}schools/school-${id}.remit`, text: school.text });
        decisions += school.decisions.length;
    }
    return { files, decisions };
}

function workspace(name: string, files: GeneratedFile[], decisions: number): GeneratedWorkspace {
    const bytes = files.reduce((sum, f) => sum + Buffer.byteLength(f.text, 'utf8'), 0);
    return { name, files, maps: files.length, decisions, bytes };
}

/** One school on its own, `decisions` decisions. */
export function schoolWorkspace(seed: string, decisions: number): GeneratedWorkspace {
    const school = generateSchool({ name: 'Lakeview', title: 'Lakeview Elementary School', decisions, seed: `${seed}/school` });
    return workspace('school', [{ path: 'lakeview.remit', text: school.text }], school.decisions.length);
}

/** One district: its own map `District` and the schools' maps referring to it. */
export function districtWorkspace(seed: string, options: DistrictOptions): GeneratedWorkspace {
    const { files, decisions } = districtFiles(`${seed}/district`, options);
    return workspace('district', files, decisions);
}

/** A state: `districts` districts side by side, each with its own map and schools. */
export function stateWorkspace(seed: string, districts: number, options: DistrictOptions): GeneratedWorkspace {
    const files: GeneratedFile[] = [];
    let decisions = 0;
    for (let i = 1; i <= districts; i++) {
        const id = String(i).padStart(2, '0');
        const part = districtFiles(`${seed}/state-${i}`, { ...options, mapName: `District${id}`, folder: `district-${id}`, schoolPrefix: `D${id}School` });
        files.push(...part.files);
        decisions += part.decisions;
    }
    return workspace('state', files, decisions);
}

/** Writes the workspace's files under `dir` (created if needed); returns `dir`. */
export async function writeWorkspace(ws: GeneratedWorkspace, dir: string): Promise<string> {
    const folders = new Set(ws.files.map(f => path.dirname(path.join(dir, f.path))));
    for (const folder of folders) await fs.mkdir(folder, { recursive: true });
    for (const file of ws.files) await fs.writeFile(path.join(dir, file.path), file.text, 'utf8');
    return dir;
}

function camel(text: string): string {
    return text.split(/[^A-Za-z0-9]+/).filter(Boolean).map(w => w[0].toUpperCase() + w.slice(1)).join('');
}

/** `total` split into `parts` near-equal whole numbers. */
function distribute(total: number, parts: number): number[] {
    const base = Math.floor(total / parts);
    return Array.from({ length: parts }, (_, i) => base + (i < total % parts ? 1 : 0));
}
