/** End-to-end: `speeches themes` and `keyphrases` on the seeds, Security Council records and General Debate years. */

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const shared = fileURLToPath(new URL('../../../shared/corpus', import.meta.url));
const hasShared = existsSync(shared);

interface ThemeJson {
  label: string;
  score: number;
  share: number;
  units: string[];
  phrases: { key: string; display: string; count: number; expected: number; units: string[] }[];
}
interface ThemesOut {
  results: { groups: { group: string; themes: ThemeJson[] }[] };
}

function run(...args: string[]): { stdout: string; stderr: string; status: number | null } {
  return runWith({}, ...args);
}

function runWith(env: Record<string, string>, ...args: string[]): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, ['bin/speeches.js', ...args], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, ...env } });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

function themes(...args: string[]): ThemesOut {
  const r = run('themes', ...args, '--json');
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as ThemesOut;
}

const words = (t: ThemeJson): string => [t.label, ...t.phrases.map((p) => p.key)].join(' | ').toLowerCase();

describe('themes of the seeds', () => {
  it('R2P statement: responsibility to protect leads, with R2P and RtoP merged into it', () => {
    const out = themes('seeds/003_0eda7931006bc30a.txt');
    const first = out.results.groups[0]!.themes[0]!;
    expect(first.label.toLowerCase()).toBe('responsibility to protect');
    // The statement writes it out twice and as R2P / RtoP twice more: all four are one phrase.
    expect(first.phrases.find((p) => p.key === 'responsibility to protect')?.count).toBe(4);
  });

  it('R2P statement: prevention is a theme apart from R2P, and the opening thanks give none (no "Adama Dieng", no "valuable insights")', () => {
    const th = themes('seeds/003_0eda7931006bc30a.txt').results.groups[0]!.themes;
    const prevention = th.findIndex((t) => t.phrases.some((p) => p.key === 'prevention'));
    expect(prevention).toBeGreaterThan(0);
    const all = th.map(words).join(' || ').toLowerCase();
    expect(all).not.toContain('adama dieng');
    expect(all).not.toContain('valuable insights');
  });

  it('R2P statement: peacekeeping (its ¶ of mandates, trained personnel and militias) is one theme, named by what it says twice', () => {
    const th = themes('seeds/003_0eda7931006bc30a.txt').results.groups[0]!.themes;
    const peacekeeping = th.find((t) => t.label === 'peacekeeping operations');
    expect(peacekeeping).toBeDefined();
    expect(words(peacekeeping!)).toContain('precise mandates');
    expect(words(peacekeeping!)).toContain('trained personnel');
  });

  it('R2P statement: sovereignty and territorial integrity is a theme, labelled by the phrase its variants share', () => {
    const th = themes('seeds/003_0eda7931006bc30a.txt').results.groups[0]!.themes;
    const sovereignty = th.find((t) => t.label === 'sovereignty and territorial integrity');
    expect(sovereignty).toBeDefined();
    expect(words(sovereignty!)).toContain('territorial integrity and sovereignty');
  });

  it('Security Council statement: conflict prevention / preventive diplomacy leads', () => {
    const first = themes('seeds/000_09c7f05abb924c58.txt').results.groups[0]!.themes[0]!;
    expect(words(first)).toContain('conflict prevention');
    expect(words(first)).toContain('preventive diplomacy');
  });

  it('Security Council statement: protection of civilians and peacekeeping are themes of their own', () => {
    const th = themes('seeds/000_09c7f05abb924c58.txt').results.groups[0]!.themes;
    const civilians = th.find((t) => words(t).includes('protection of civilians'));
    expect(civilians).toBeDefined();
    expect(words(civilians!)).toContain('humanitarian workers');
    // The problems of peacekeeping listed in one sentence are one theme.
    const peacekeeping = th.find((t) => words(t).includes('insufficient troops'));
    expect(peacekeeping).toBeDefined();
    expect(words(peacekeeping!)).toContain('inadequate financing');
    expect(words(peacekeeping!)).toContain('complex mandates');
    expect(peacekeeping).not.toBe(civilians);
  });

  it('Security Council statement: regional organizations with CICA, and dialogue among cultures, are themes', () => {
    const th = themes('seeds/000_09c7f05abb924c58.txt').results.groups[0]!.themes;
    // One paragraph names the regional organizations and CICA in different sentences: one theme.
    expect(th.some((t) => words(t).includes('regional organizations') && t.phrases.some((p) => p.display.includes('(CICA)')))).toBe(true);
    expect(th.some((t) => words(t).includes('dialogue among cultures') && words(t).includes('alliance of civilizations'))).toBe(true);
  });

  it("Security Council statement: the Council's unity is a theme (its role and mandate, the lack of consensus)", () => {
    const th = themes('seeds/000_09c7f05abb924c58.txt').results.groups[0]!.themes;
    const unity = th.find((t) => words(t).includes('lack of consensus'));
    expect(unity).toBeDefined();
    expect(words(unity!)).toContain('council role');
    expect(words(unity!)).toContain('council mandate');
  });

  it('R2P statement: the default eight themes cover all it speaks of, root causes of conflict (poverty, food insecurity) included', () => {
    const th = themes('seeds/003_0eda7931006bc30a.txt').results.groups[0]!.themes;
    expect(th).toHaveLength(8);
    const has = (key: string) => th.some((t) => t.phrases.some((p) => p.key === key));
    const root = th.find((t) => t.label === 'root causes of conflict');
    expect(root).toBeDefined();
    expect(words(root!)).toContain('chronic poverty');
    expect(words(root!)).toContain('food insecurity');
    for (const key of ['responsibility to protect', 'atrocities', 'sovereignty and territorial integrity', 'peacekeeping operations', 'prevention']) expect(has(key), key).toBe(true);
  });

  it('R2P statement: protection of populations from atrocities is a theme', () => {
    const all = themes('seeds/003_0eda7931006bc30a.txt').results.groups[0]!.themes.map(words).join(' || ');
    expect(all).toContain('atrocities');
    expect(all).toContain('populations');
  });

  it('no theme is labelled only with generic UN wording', () => {
    for (const seed of ['seeds/000_09c7f05abb924c58.txt', 'seeds/003_0eda7931006bc30a.txt']) {
      for (const t of themes(seed).results.groups[0]!.themes) {
        expect(['united nations', 'member states', 'international community', 'security council', 'general assembly']).not.toContain(t.label.toLowerCase());
      }
    }
  });

  it('every theme carries its evidence: phrase counts, expected counts, unit ids, and a share in (0, 1]', () => {
    for (const t of themes('seeds/000_09c7f05abb924c58.txt').results.groups[0]!.themes) {
      expect(t.share).toBeGreaterThan(0);
      expect(t.share).toBeLessThanOrEqual(1);
      expect(t.units.length).toBeGreaterThan(0);
      for (const p of t.phrases) {
        expect(p.count).toBeGreaterThan(0);
        expect(Number.isFinite(p.expected)).toBe(true);
        for (const u of p.units) expect(u).toMatch(/^d1:\d+$/);
      }
    }
  });

  it('--explain gives a sentence for each theme; --json gives the same bytes twice', () => {
    const a = run('themes', 'seeds/003_0eda7931006bc30a.txt', '--json', '--explain');
    const b = run('themes', 'seeds/003_0eda7931006bc30a.txt', '--json', '--explain');
    expect(a.stdout).toBe(b.stdout);
    const out = JSON.parse(a.stdout) as { results: { groups: { themes: { evidence: { sentence: string; speaker: string } | null }[] }[] } };
    for (const t of out.results.groups[0]!.themes) expect(t.evidence?.sentence.length).toBeGreaterThan(10);
  });

  it('keyphrases lists the phrases with count and expected count', () => {
    const r = run('keyphrases', 'seeds/000_09c7f05abb924c58.txt', '--json', '--top', '10');
    const rows = (JSON.parse(r.stdout) as { results: { groups: { keyphrases: { key: string; count: number; expected: number }[] }[] } }).results.groups[0]!.keyphrases;
    expect(rows[0]!.key).toBe('conflict prevention');
    expect(rows[0]!.count).toBe(4);
    expect(rows[0]!.expected).toBeLessThan(1);
  });
});

describe.skipIf(!hasShared)('themes of meeting records name the subject of the meeting', () => {
  it.each([
    ['S_PV.8700_E.txt', 'syria'],
    ['S_PV.8704_E.txt', 'yemen'],
    ['S_PV.8707_E.txt', 'syria'],
  ])('%s: %s in the top 5 themes', (file, subject) => {
    const top = themes(join(shared, 'unsc/pv', file), '--top', '5').results.groups[0]!.themes;
    expect(top.map(words).join(' || ')).toContain(subject);
  });
});

describe.skipIf(!hasShared)('themes by year over General Debate speeches', () => {
  const dir = join(shared, 'ungd-sample');
  const pick = (year: number): string[] => (hasShared ? readdirSync(dir).filter((f) => f.endsWith(`_${year}.txt`)).map((f) => join(dir, f)) : []);
  const out = hasShared ? themes(...pick(1976), ...pick(2001), ...pick(2020), '--by', 'year', '--top', '3') : null;
  const top = (year: string): string => out!.results.groups.find((g) => g.group === year)!.themes.map(words).join(' || ');

  it('2001: terrorism', () => expect(top('2001')).toContain('terrorism'));
  it('2020: the pandemic', () => expect(top('2020')).toContain('pandemic'));
  it('1976: South Africa and its racist regime', () => expect(top('1976')).toMatch(/south africa|racist|apartheid/));
});

// The two passes need a second core (one core: everything runs in one thread, and this compares nothing).
describe.skipIf(!hasShared || availableParallelism() < 2)('themes --by over many files', () => {
  it('the two worker passes give the same bytes as one thread (SPEECHES_THREADS=1), evidence and labels included', () => {
    const args = ['themes', join(shared, 'ungd-sample'), '--by', 'year', '--top', '3', '--explain', '--json'];
    // Two passes start at 1,000 files; the knob brings them down to this sample.
    const workers = runWith({ SPEECHES_GROUPED_FILES: '40' }, ...args);
    const one = runWith({ SPEECHES_THREADS: '1' }, ...args);
    expect(workers.status).toBe(0);
    expect(workers.stdout).toBe(one.stdout);
    const out = JSON.parse(workers.stdout) as ThemesOut & { corpus: { documents: number } };
    expect(out.corpus.documents).toBe(300);
    expect(out.results.groups.length).toBeGreaterThan(40);
  });
});
