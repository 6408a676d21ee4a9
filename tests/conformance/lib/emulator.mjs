// Starts the local IVS Chat service (the built emulator DLL) on a free port and reads the settings it prints.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const dll = process.env.IVSCHAT_EMULATOR_DLL;

/**
 * @param {string[]} args extra emulator options, e.g. ['--enforce-quotas']
 * @param {{command?: string}} options command: an installed `ivschat-emulator` to run instead of the built DLL
 * @returns {Promise<{endpoint: string, messagingEndpoint?: string, region: string, accessKeyId: string,
 *   secretAccessKey: string, env: Record<string,string>, lines: string[],
 *   stop: () => Promise<number|null>}>} stop() sends SIGTERM and resolves with the exit code.
 */
export async function startEmulator(args = [], { command } = {}) {
  if (!command && !dll) throw new Error('IVSCHAT_EMULATOR_DLL is not set: run the tests through build.ps1 Test.');
  const [file, first] = command ? [command, []] : ['dotnet', [dll]];
  const child = spawn(file, [...first, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const env = {};
  const printed = []; // stdout lines in the order printed (first 1000)
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const lines = createInterface({ input: child.stdout });
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`emulator did not start in 30 s: ${stderr}`)), 30000);
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`emulator exited (${code}): ${stderr}`)); });
    lines.on('line', (line) => {
      const m = /^([A-Z_]+)=(.*)$/.exec(line);
      printed.push(line);
      if (m) env[m[1]] = m[2];
      if (env.IVSCHAT_ENDPOINT && env.AWS_REGION && env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve();
      }
    });
  });
  lines.removeAllListeners('line');
  lines.on('line', (line) => { if (printed.length < 1000) printed.push(line); }); // keep draining stdout
  return {
    endpoint: env.IVSCHAT_ENDPOINT,
    messagingEndpoint: env.IVSCHAT_MESSAGING_ENDPOINT,
    region: env.AWS_REGION,
    accessKeyId: env.AWS_ACCESS_KEY_ID,
    secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
    env,
    lines: printed,
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null) return resolve(child.exitCode);
      child.once('exit', (code) => resolve(code));
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    }),
  };
}
