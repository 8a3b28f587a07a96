import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/main/cli/main';
import type { CliIo } from '../../../src/main/cli/io';
import { folderState, sha256, tmpDir } from '../../helpers/tmp';
import { fixtureWorkspace } from './fixture';
import { CHROMIUM_MISSING, chromiumPath } from './tools';

function capture(home: string, lang = 'en_US.UTF-8') {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), env: { FUNNEL_REVIEW_HOME: home, LANG: lang } };
  return { io, out, err, text: () => `${out.join('\n')}\n${err.join('\n')}` };
}

describe('documents CLI without Chromium', () => {
  it('creates an identity, shows it, and refuses a wrong passphrase or an existing output', async () => {
    const dir = tmpDir();
    const home = tmpDir();
    fs.writeFileSync(path.join(dir, 'pass'), 'marketing-secret\n');
    fs.writeFileSync(path.join(dir, 'wrong'), 'not-the-secret\n');
    const id = path.join(dir, 'ana.p12');
    const c = capture(home);
    const code = await main(
      [
        'identity',
        'create',
        '--name',
        'Ana Souza',
        '--role',
        'CMO',
        '--email',
        'ana@acme.example',
        '--out',
        id,
        '--passphrase-file',
        path.join(dir, 'pass'),
      ],
      c.io,
    );
    expect(code, c.text()).toBe(0);
    expect(c.out.join('\n')).toContain(`Signing identity of Ana Souza written to ${id}`);
    expect((fs.statSync(id).mode & 0o777).toString(8)).toBe('600');

    const show = capture(home, 'es_ES.UTF-8');
    expect(await main(['identity', 'show', id, '--passphrase-file', path.join(dir, 'pass'), '--json'], show.io)).toBe(
      0,
    );
    expect(JSON.parse(show.out.join('\n'))).toMatchObject({
      ok: true,
      value: { name: 'Ana Souza', role: 'CMO', email: 'ana@acme.example', selfSigned: true },
    });

    const before = folderState(dir);
    const wrong = capture(home, 'ru_RU.UTF-8');
    expect(await main(['identity', 'show', id, '--passphrase-file', path.join(dir, 'wrong')], wrong.io)).toBe(1);
    expect(wrong.err.join('\n')).toContain('Пароль не подходит к ana.p12');
    const again = capture(home);
    expect(
      await main(
        [
          'identity',
          'create',
          '--name',
          'X',
          '--role',
          'Y',
          '--email',
          'x@y.example',
          '--out',
          id,
          '--passphrase-file',
          path.join(dir, 'pass'),
        ],
        again.io,
      ),
    ).toBe(1);
    expect(again.err.join('\n')).toContain('already exists');
    const short = capture(home);
    fs.writeFileSync(path.join(dir, 'short'), 'abc');
    expect(
      await main(
        [
          'identity',
          'create',
          '--name',
          'X',
          '--role',
          'Y',
          '--email',
          'x@y.example',
          '--out',
          path.join(dir, 'x.p12'),
          '--passphrase-file',
          path.join(dir, 'short'),
        ],
        short.io,
      ),
    ).toBe(1);
    expect(short.err.join('\n')).toContain('at least 8 characters');
    fs.rmSync(path.join(dir, 'short'));
    expect(folderState(dir)).toEqual({ ...before });
  });

  it('explains its subcommands, and exits 2 on an unknown one', async () => {
    const home = tmpDir();
    const help = capture(home, 'zh_CN.UTF-8');
    expect(await main(['sla'], help.io)).toBe(0);
    expect(help.out.join('\n')).toContain('已签署的 SLA 文件');
    const bad = capture(home);
    expect(await main(['sla', 'frobnicate'], bad.io)).toBe(2);
    expect(await main(['verify'], capture(home).io)).toBe(2);
  });
});

describe.skipIf(!chromiumPath)(
  `documents CLI end to end (${chromiumPath ? 'Chromium found' : CHROMIUM_MISSING})`,
  () => {
    it('renders, signs twice, lists, verifies, and fails verification after a one-byte change; bad inputs write nothing', async () => {
      const dir = tmpDir();
      const home = tmpDir();
      const wsPath = path.join(dir, 'ws.db');
      fixtureWorkspace(dir).close();
      // The sales lead's own copy of the workspace, on another laptop: it never saw the document rendered.
      const salesDir = tmpDir();
      const salesWs = path.join(salesDir, 'ws.db');
      fixtureWorkspace(salesDir).close();
      const p = (f: string) => path.join(dir, f);
      fs.writeFileSync(p('ana.pass'), 'marketing-secret\n');
      fs.writeFileSync(p('ivan.pass'), 'продажи-пароль\n');
      const run = async (args: string[], lang?: string) => {
        const c = capture(home, lang);
        const code = await main(args, c.io);
        return { code, ...c };
      };
      expect(
        (
          await run([
            'identity',
            'create',
            '--name',
            'Ana Souza',
            '--role',
            'Head of Marketing',
            '--email',
            'ana@acme.example',
            '--out',
            p('ana.p12'),
            '--passphrase-file',
            p('ana.pass'),
          ])
        ).code,
      ).toBe(0);
      expect(
        (
          await run([
            'identity',
            'create',
            '--name',
            'Иван Петров',
            '--role',
            'Руководитель продаж',
            '--email',
            'ivan@acme.example',
            '--out',
            p('ivan.p12'),
            '--passphrase-file',
            p('ivan.pass'),
          ])
        ).code,
      ).toBe(0);

      const render = await run([
        'sla',
        'render',
        '--workspace',
        wsPath,
        '--out',
        p('sla.pdf'),
        '--from',
        '2027-01-01',
        '--to',
        '2027-12-31',
        '--json',
      ]);
      expect(render.code, render.text()).toBe(0);
      const documentId = (JSON.parse(render.out.join('\n')) as { value: { documentId: string } }).value.documentId;

      // Wrong passphrase, an unsigned file as input twice, an existing output: each refused, nothing written.
      const before = folderState(dir);
      const wrong = await run([
        'sla',
        'sign',
        p('sla.pdf'),
        '--identity',
        p('ana.p12'),
        '--passphrase-file',
        p('ivan.pass'),
        '--out',
        p('sla.1.pdf'),
      ]);
      expect(wrong.code).toBe(1);
      expect(wrong.err.join('\n')).toContain('The passphrase does not open ana.p12. Nothing was written.');
      const same = await run([
        'sla',
        'sign',
        p('sla.pdf'),
        '--identity',
        p('ana.p12'),
        '--passphrase-file',
        p('ana.pass'),
        '--out',
        p('sla.pdf'),
      ]);
      expect(same.err.join('\n')).toContain('The output must be a new file');
      const truncatedFile = p('cut.pdf');
      fs.writeFileSync(truncatedFile, fs.readFileSync(p('sla.pdf')).subarray(0, 5000));
      const cut = await run([
        'sla',
        'sign',
        truncatedFile,
        '--identity',
        p('ana.p12'),
        '--passphrase-file',
        p('ana.pass'),
        '--out',
        p('cut.signed.pdf'),
      ]);
      expect(cut.code).toBe(1);
      expect(cut.err.join('\n')).toContain('cut.pdf is incomplete');
      fs.rmSync(truncatedFile);
      expect(folderState(dir)).toEqual(before);

      const one = await run([
        'sla',
        'sign',
        p('sla.pdf'),
        '--identity',
        p('ana.p12'),
        '--passphrase-file',
        p('ana.pass'),
        '--out',
        p('sla.1.pdf'),
        '--workspace',
        wsPath,
      ]);
      expect(one.code, one.text()).toBe(0);
      expect(one.out.join('\n')).toContain('Signed by Ana Souza for marketing');
      const two = await run(
        [
          'sla',
          'sign',
          p('sla.1.pdf'),
          '--identity',
          p('ivan.p12'),
          '--passphrase-file',
          p('ivan.pass'),
          '--out',
          p('sla.2.pdf'),
          '--workspace',
          salesWs,
        ],
        'ru_RU.UTF-8',
      );
      expect(two.code, two.text()).toBe(0);
      expect(two.out.join('\n')).toContain('Подписано: Иван Петров, сторона продаж');

      type Listed = Array<{
        documentId: string;
        fileSha256: string;
        signatures: Array<{ party: string; signerName: string; sequence: number; previousFileSha256: string }>;
      }>;
      const listed = async (ws: string) =>
        (JSON.parse((await run(['sla', 'list', '--workspace', ws, '--json'])).out.join('\n')) as { value: Listed })
          .value;
      const marketingSide = await listed(wsPath);
      expect(marketingSide.map((d) => d.documentId)).toEqual([documentId]);
      expect(marketingSide[0]!.signatures.map((s) => [s.sequence, s.party, s.signerName])).toEqual([
        [1, 'marketing', 'Ana Souza'],
      ]);
      // The sales side learns the document from the file itself, with both signatures and the same versions.
      const salesSide = await listed(salesWs);
      expect(salesSide.map((d) => [d.documentId, d.fileSha256])).toEqual([[documentId, marketingSide[0]!.fileSha256]]);
      expect(salesSide[0]!.signatures.map((s) => [s.sequence, s.party, s.signerName])).toEqual([
        [1, 'marketing', 'Ana Souza'],
        [2, 'sales', 'Иван Петров'],
      ]);
      expect(salesSide[0]!.signatures[0]!.previousFileSha256).toBe(marketingSide[0]!.fileSha256);
      expect(salesSide[0]!.signatures[1]!.previousFileSha256).toBe(sha256(p('sla.1.pdf')));

      const verify = await run(['verify', p('sla.2.pdf'), '--workspace', wsPath]);
      expect(verify.code, verify.text()).toBe(0);
      expect(verify.out.join('\n')).toContain('Every signature is intact');
      expect(verify.out.join('\n')).toContain(
        'The terms match the definitions in force in the workspace Acme Analytics.',
      );
      const json = await run(['verify', p('sla.2.pdf'), '--json']);
      expect(JSON.parse(json.out.join('\n'))).toMatchObject({
        ok: true,
        value: { signatures: [{ intact: true }, { intact: true }], unsignedTrailingBytes: 0 },
      });

      const bytes = fs.readFileSync(p('sla.2.pdf'));
      const at = bytes.indexOf('/MediaBox [');
      bytes[bytes.indexOf('0', at)] = '1'.charCodeAt(0);
      fs.writeFileSync(p('tampered.pdf'), bytes);
      const broken = await run(['verify', p('tampered.pdf')]);
      expect(broken.code).toBe(1);
      expect(broken.out.join('\n')).toContain('does NOT match: the signed content was changed');
      expect(broken.out.join('\n')).toContain('At least one signature is not intact');
    }, 180_000);
  },
);
