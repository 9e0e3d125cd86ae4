// The Docker engine for `nslab compare`, offline (no registry is reachable from these machines):
//   sudo npm run docker -- start    start dockerd in the background unless an engine answers
//   sudo npm run docker -- image    build nslab/busybox:1 from Debian's busybox-static (docker import)
//   sudo npm run docker -- status   print the engine's version, or why there is none (exit 1)
// .ci/run and the tests use it; compare runs `image` itself when the image is missing.
import { $, fs, os, path } from 'zx';
import { dockerEngine, IMAGE } from '../src/compare/docker.js';

$.verbose = false;
const BUSYBOX = '/bin/busybox';
// The applets a container needs: a shell, sleep to stay up, and tools to look around inside.
const APPLETS = ['sh', 'sleep', 'cat', 'ip', 'ping', 'nslookup', 'hostname', 'ls', 'wget'];

// The question compare asks, and the image name it uses: one answer for both.
async function engineVersion(): Promise<string | null> {
  const engine = await dockerEngine();
  return 'version' in engine ? engine.version : null;
}

async function start(): Promise<void> {
  const running = await engineVersion();
  if (running) return void console.log(`Docker engine ${running} is running`);
  if ((await $`command -v dockerd`.nothrow()).exitCode !== 0)
    throw new Error('dockerd is not installed: apt-get install docker.io');
  const log = '/var/log/nslab-dockerd.log';
  // Detached, so it outlives this script; its log says why when it does not come up.
  const out = fs.openSync(log, 'a');
  const { spawn } = await import('node:child_process');
  spawn('dockerd', [], { detached: true, stdio: ['ignore', out, out] }).unref();
  for (let i = 0; i < 60; i++) {
    await new Promise((r) => setTimeout(r, 500));
    const v = await engineVersion();
    if (v) return void console.log(`Docker engine ${v} started (log: ${log})`);
  }
  throw new Error(
    `dockerd did not answer within 30 s; its log ${log} ends with:\n${(await $`tail -n 15 ${log}`.nothrow()).stdout}`,
  );
}

async function image(): Promise<void> {
  if ((await $`docker image inspect ${IMAGE}`.nothrow().quiet()).exitCode === 0)
    return void console.log(`${IMAGE} is there`);
  // A dynamic busybox names its loader; it would not start in an image with no libraries.
  if (!fs.existsSync(BUSYBOX) || fs.readFileSync(BUSYBOX).includes('/lib64/ld-linux'))
    throw new Error(`${BUSYBOX} is missing or not static: apt-get install busybox-static`);
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'nslab-image-'));
  try {
    await fs.mkdirp(path.join(root, 'bin'));
    await fs.mkdirp(path.join(root, 'etc'));
    await fs.copy(BUSYBOX, path.join(root, 'bin/busybox'));
    for (const a of APPLETS) await fs.symlink('busybox', path.join(root, 'bin', a));
    await $`tar -C ${root} -c . | docker import -c ${'CMD ["/bin/sh"]'} - ${IMAGE}`;
    console.log(`built ${IMAGE} from ${BUSYBOX}`);
  } finally {
    await fs.remove(root);
  }
}

const verb = process.argv[2];
try {
  if (verb === 'start') await start();
  else if (verb === 'image') await image();
  else if (verb === 'status') {
    const v = await engineVersion();
    console.log(v ? `Docker engine ${v}` : 'no Docker engine answers');
    process.exitCode = v ? 0 : 1;
  } else {
    console.error('usage: npm run docker -- start|image|status');
    process.exitCode = 2;
  }
} catch (err) {
  console.error(`docker.ts ${verb}: ${(err as Error).message}`);
  process.exitCode = 1;
}
