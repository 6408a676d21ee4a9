// GetRoomCommand --count times in a loop, as a JS caller would write it: after --warmup calls, --rounds timed
// rounds; the median round is the result (the same protocol as the C# floor and the PowerShell side).
const loadStart = process.hrtime.bigint();
const { sdk, newClient, arg, ms } = await import('./sdk.mjs');
const loadMs = Number(process.hrtime.bigint() - loadStart) / 1e6; // loading the SDK, as Import-Module + first call loads ours

const arn = arg('arn');
const count = Number(arg('count', '500'));
const warmup = Number(arg('warmup', '100'));
const rounds = Number(arg('rounds', '7'));
const client = newClient();

let t = process.hrtime.bigint();
await client.send(new sdk.GetRoomCommand({ identifier: arn }));
const firstCallMs = ms(t);
for (let i = 1; i < warmup; i++) await client.send(new sdk.GetRoomCommand({ identifier: arn }));

const roundMs = [];
const cpuBefore = process.cpuUsage();
for (let r = 0; r < rounds; r++) {
  t = process.hrtime.bigint();
  for (let i = 0; i < count; i++) await client.send(new sdk.GetRoomCommand({ identifier: arn }));
  roundMs.push(ms(t));
}
const cpu = process.cpuUsage(cpuBefore);
const cpuUsPerCall = (cpu.user + cpu.system) / (rounds * count);
const median = [...roundMs].sort((a, b) => a - b)[Math.floor(rounds / 2)];
console.log(JSON.stringify({ count, ms: median, roundMs, perCallUs: (median * 1000) / count, firstCallMs, loadMs, cpuUsPerCall }));
