// The local service's unsigned /_emulator/ test API (see src/IvsChat.Emulator/README.md).
export function emulatorControl(endpoint) {
  const call = async (method, path, body) => {
    const res = await fetch(`${endpoint}/_emulator${path}`, {
      method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) throw new Error(`${method} /_emulator${path}: ${res.status} ${await res.text()}`);
    return res.status === 204 ? null : res.json();
  };
  return {
    /** Forget all resources, counts and faults. */
    reset: () => call('POST', '/reset'),
    /** e.g. { operation: 'GetRoom' | '*', error: 'ThrottlingException', count: 2, message?: '...' } */
    addFault: (fault) => call('POST', '/faults', fault),
    clearFaults: () => call('DELETE', '/faults'),
    /** Requests received per operation since start or reset. */
    requests: async () => (await call('GET', '/requests')).counts,
  };
}
