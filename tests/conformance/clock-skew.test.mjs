// AWS's official @aws-sdk/client-ivschat against a service started with --clock-skew-seconds: the service refuses
// a request signed by the client's (skewed) clock as AWS does, and the SDK corrects its clock from the answer.
import { test, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import * as ivs from '@aws-sdk/client-ivschat';
import { startEmulator } from './lib/emulator.mjs';

const running = [];
after(async () => { await Promise.all(running.map((e) => e.stop())); });

async function skewedService(seconds) {
  const emu = await startEmulator(['--clock-skew-seconds', String(seconds)]);
  running.push(emu);
  return emu;
}

function clientFor(emu, maxAttempts) {
  return new ivs.IvschatClient({
    endpoint: emu.endpoint,
    region: emu.region,
    credentials: { accessKeyId: emu.accessKeyId, secretAccessKey: emu.secretAccessKey },
    maxAttempts,
  });
}

describe('clock skew', () => {
  for (const seconds of [900, -900]) {
    test(`a service ${seconds} s off: InvalidSignatureException, then the SDK's corrected clock is accepted`, async () => {
      const emu = await skewedService(seconds);
      const client = clientFor(emu, 1);
      await assert.rejects(client.send(new ivs.ListRoomsCommand({})), (e) => {
        assert.equal(e.name, 'InvalidSignatureException');
        assert.equal(e.$metadata.httpStatusCode, 403);
        assert.match(e.message, seconds > 0 ? /^Signature expired/ : /^Signature not yet current/);
        return true;
      });
      // The SDK took the offset from the Date header of the refusal.
      assert.ok(Math.abs(client.config.systemClockOffset - seconds * 1000) < 5000, `offset ${client.config.systemClockOffset}`);
      const rooms = await client.send(new ivs.ListRoomsCommand({}));
      assert.deepEqual(rooms.rooms, []);
    });
  }

  test('with retries (the default), the first call already succeeds', async () => {
    const emu = await skewedService(3600);
    const out = await clientFor(emu, 3).send(new ivs.CreateRoomCommand({ name: 'skewed' }));
    assert.equal(out.name, 'skewed');
    // Timestamps are in the service's time.
    assert.ok(Math.abs(out.createTime.getTime() - (Date.now() + 3600_000)) < 10_000, String(out.createTime));
  });
});
