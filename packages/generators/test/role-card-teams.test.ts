import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.js';
import { REPO, scratchFolder } from './helpers.js';

/**
 * A role's card says which teams it sits on, what each team holds and in which phases,
 * in every format a charter comes in: made with the built `remit` in a child process,
 * HTML read as Chromium shows it, Word read back with mammoth. A screenshot of the HTML
 * card is left in $REMIT_SCREENSHOTS (when set) to look at.
 */
const BIN = path.join(REPO, 'packages/cli/bin/remit.js');

/** The leadership team recommends the calendar until Later and decides it from Later on. */
const MAP = `map Oak "Oak School"
uses School
phases {
  Start "Start"
  Later "Later"
}
role Principal "Principal" { kind administrator }
role Lead "Grade lead" { kind teacher }
team ILT "Leadership team" {
  members Principal, Lead
  chair Principal
  rule consensus then chair
}
domain Staff "Staff" {
  decision Calendar "Set the PD calendar" {
    recommend ILT until Later
    decide Principal until Later
    decide ILT from Later
    inform Lead
  }
}
`;

const scratch = scratchFolder('remit-role-cards-');

beforeAll(async () => {
    await fs.writeFile(path.join(scratch(), 'oak.remit'), MAP);
});

function remit(args: string[]): string {
    const run = spawnSync(process.execPath, [BIN, ...args], { cwd: scratch(), encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    return run.stdout;
}

/** The Grade lead's card (or section): from its heading to the next role's. */
function leadCard(text: string): string {
    const start = text.indexOf('Grade lead\n');
    expect(start, text).toBeGreaterThanOrEqual(0);
    const end = text.indexOf('\nLeadership team\n', start);
    return text.slice(start, end < 0 ? undefined : end);
}

describe('a role card names the phases in which its teams hold each decision', () => {
    it('role cards in Markdown', () => {
        const card = leadCard(remit(['generate', 'charter', 'oak.remit', '--template', 'role-cards']).replace(/^#+ /gm, ''));
        expect(card).toContain('- Leadership team\n  - Decides: Set the PD calendar (from Later on)\n  - Recommend: Set the PD calendar (until Later)\n');
    });

    it('the charter in Markdown', () => {
        const text = remit(['generate', 'charter', 'oak.remit']);
        expect(text).toContain('Sits on Leadership team, which decides Set the PD calendar (from Later on), and holds recommend on Set the PD calendar (until Later)');
    });

    it('role cards and the charter in HTML, as Chromium shows them', async () => {
        const out = path.join(scratch(), 'html');
        remit(['generate', 'charter', 'oak.remit', '--template', 'role-cards', '--format', 'html', '--out', out]);
        remit(['generate', 'charter', 'oak.remit', '--format', 'html', '--out', out]);
        const files = (await fs.readdir(out)).sort();
        const cards = files.find(f => f.includes('role-cards'))!;
        const charter = files.find(f => f !== cards && f.endsWith('.html'))!;
        expect([cards, charter].every(Boolean), files.join(', ')).toBe(true);
        const { browser, close } = await launchBrowser();
        try {
            const page = await browser.newPage({ viewport: { width: 900, height: 1100 } });
            await page.goto(`file://${path.join(out, cards)}`, { waitUntil: 'load' });
            const card = page.locator('article.card', { hasText: 'Grade lead' }).first();
            const seen = await card.innerText();
            expect(seen).toMatch(/Leadership team\s+Decides: Set the PD calendar \(from Later on\)\s+Recommend: Set the PD calendar \(until Later\)/);
            const shots = process.env.REMIT_SCREENSHOTS;
            if (shots) await card.screenshot({ path: path.join(shots, 'role-card-teams.png') });
            await page.goto(`file://${path.join(out, charter)}`, { waitUntil: 'load' });
            const body = await page.locator('body').innerText();
            expect(body).toContain('Sits on Leadership team, which decides Set the PD calendar (from Later on), and holds recommend on Set the PD calendar (until Later)');
            await page.close();
        } finally {
            await close();
        }
    }, 60_000);

    it('the charter in Word', async () => {
        const out = path.join(scratch(), 'docx');
        remit(['generate', 'charter', 'oak.remit', '--format', 'docx', '--out', out]);
        const text = (await mammoth.extractRawText({ buffer: await fs.readFile(path.join(out, 'oak-charter.docx')) })).value;
        expect(text).toContain('Sits on Leadership team, which decides Set the PD calendar (from Later on), and holds recommend on Set the PD calendar (until Later).');
    }, 60_000);
});
