// Contract with the C++ side: every fixture snapshot (what parse-page prints and the
// extension sends) is accepted by the real `caselog capture`, and the two pages of the
// paged thread merge into one 15-message thread. Skipped when the CLI is not built
// (CASELOG_CLI_BIN, else $CASELOG_BUILD/native-host/caselog).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fixturePairs } from './helpers.mjs';

const candidates = [process.env.CASELOG_CLI_BIN, process.env.CASELOG_BUILD && path.join(process.env.CASELOG_BUILD, 'native-host/caselog')];
const CLI = candidates.find((c) => c && existsSync(c));

test('the real caselog CLI accepts every fixture snapshot and merges a paged thread', { skip: !CLI && 'caselog CLI not built' }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'caselog-contract-'));
  const env = { ...process.env, CASELOG_DB: path.join(dir, 'caselog.db'), CASELOG_NOW: '2026-11-26T10:00:00Z' };
  try {
    for (const pair of fixturePairs()) {
      const run = spawnSync(CLI, ['capture', pair.json], { env, encoding: 'utf8' });
      assert.equal(run.status, 0, `${pair.name}: ${run.stderr}`);
    }
    const show = spawnSync(CLI, ['show', '17999000111', '--json'], { env, encoding: 'utf8' });
    assert.equal(show.status, 0, show.stderr);
    const shown = JSON.parse(show.stdout);
    const messages = shown.messages ?? shown.case?.messages;
    assert.equal(messages.length, 15);
    const again = spawnSync(CLI, ['capture', fixturePairs().find((p) => p.name === 'katal-us-long-page1').json, '--json'], { env, encoding: 'utf8' });
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, /"newMessages":\s*0/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
