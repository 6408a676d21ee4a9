// The local service as users install it: `dotnet tool install IvsChat.Emulator` from the package that
// `build.ps1 Package` writes (IVSCHAT_PACKAGES_DIR), then the installed `ivschat-emulator` serves the official SDK.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ivs from '@aws-sdk/client-ivschat';
import { startEmulator } from './lib/emulator.mjs';

const packages = process.env.IVSCHAT_PACKAGES_DIR;
const toolPath = mkdtempSync(join(tmpdir(), 'ivschat-tool-'));
after(() => rmSync(toolPath, { recursive: true, force: true }));

test('dotnet tool install IvsChat.Emulator gives ivschat-emulator, which prints the banner and serves the JS SDK', async () => {
  assert.ok(packages, 'IVSCHAT_PACKAGES_DIR is not set: run the tests through build.ps1 Test (it packages first).');
  const pkg = readdirSync(packages).find((f) => /^IvsChat\.Emulator\.\d.*\.nupkg$/.test(f));
  assert.ok(pkg, `no IvsChat.Emulator package in ${packages}`);
  const version = pkg.replace(/^IvsChat\.Emulator\./, '').replace(/\.nupkg$/, '');
  execFileSync('dotnet', ['tool', 'install', '--tool-path', toolPath, '--add-source', packages, '--version', version, 'IvsChat.Emulator'],
    { stdio: 'pipe', env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1' } });

  const emu = await startEmulator([], { command: join(toolPath, 'ivschat-emulator') });
  try {
    assert.deepEqual(emu.lines.slice(0, 5).map((l) => l.split('=')[0]),
      ['IVSCHAT_ENDPOINT', 'IVSCHAT_MESSAGING_ENDPOINT', 'AWS_REGION', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']);
    const client = new ivs.IvschatClient({
      endpoint: emu.endpoint, region: emu.region, maxAttempts: 1,
      credentials: { accessKeyId: emu.accessKeyId, secretAccessKey: emu.secretAccessKey },
    });
    const room = await client.send(new ivs.CreateRoomCommand({ name: 'installed-tool' }));
    assert.match(room.arn, new RegExp(`^arn:aws:ivschat:${emu.region}:\\d{12}:room/[A-Za-z0-9]{12}$`));
    const listed = await client.send(new ivs.ListRoomsCommand({}));
    assert.deepEqual(listed.rooms.map((r) => r.name), ['installed-tool']);
  } finally {
    await emu.stop();
  }
});
