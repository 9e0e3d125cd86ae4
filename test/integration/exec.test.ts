// nslab exec runs a command as docker exec does: the container's namespace, its /etc files, the
// environment --link gives it, stdin passed in and the exit code passed out.
import { execa } from 'execa';
import t from 'tap';
import { cli, needsRoot, nslab, sandboxName } from '../helpers/machine.js';

t.test(
  'exec in the link lab: the --link variables, the hosts file, the exit code',
  { skip: needsRoot },
  async (t) => {
    const sb = sandboxName('exec');
    t.teardown(() => nslab(['down', 'link', '--sandbox-name', sb]));
    const up = await nslab(['up', 'link', '--sandbox-name', sb, '-q', '--no-check']);
    t.equal(up.exitCode, 0, 'up', up);
    t.match(
      up.stdout,
      `sudo nslab exec link web --sandbox-name ${sb} -- env | grep DATABASE`,
      'up suggests the variables',
    );
    const exec = (...argv: string[]) => nslab(['exec', 'link', 'web', '--sandbox-name', sb, '--', ...argv]);

    const addr = await exec('sh', '-c', 'echo $DATABASE_PORT_5432_TCP_ADDR');
    t.same([addr.exitCode, addr.stdout], [0, '172.21.0.2'], 'db’s address, as --link db:database sets it');

    const env = await exec('env');
    t.same(
      env.stdout.split('\n').filter((l) => /^(HOSTNAME|DATABASE_)/.test(l)),
      [
        'HOSTNAME=web',
        'DATABASE_PORT=tcp://172.21.0.2:5432',
        'DATABASE_PORT_5432_TCP=tcp://172.21.0.2:5432',
        'DATABASE_PORT_5432_TCP_ADDR=172.21.0.2',
        'DATABASE_PORT_5432_TCP_PORT=5432',
        'DATABASE_PORT_5432_TCP_PROTO=tcp',
        'DATABASE_NAME=/web/database',
      ],
      'the whole environment Docker would give web',
    );
    t.notMatch(env.stdout, /NO_COLOR/, 'nslab’s own environment stays out, as with docker exec');

    const hosts = await exec('getent', 'hosts', 'database');
    t.equal(hosts.exitCode, 0, 'web resolves the alias through its /etc/hosts', hosts);
    t.match(hosts.stdout, /^172\.21\.0\.2\s+database db$/);

    const inDb = (...argv: string[]) => nslab(['exec', 'link', 'db', '--sandbox-name', sb, '--', ...argv]);
    const reverse = await inDb('getent', 'hosts', 'web');
    t.equal(reverse.exitCode, 2, 'db cannot resolve web: getent’s exit code 2 comes back');
    t.notMatch((await inDb('env')).stdout, /DATABASE_/, 'db has no link variables');

    const seven = await exec('sh', '-c', 'exit 7');
    t.equal(seven.exitCode, 7, 'the exit code passes through');
    const killed = await exec('sh', '-c', 'kill -TERM $$');
    t.equal(killed.exitCode, 143, 'a command killed by SIGTERM: 128+15');

    const piped = await execa('node', [cli, 'exec', 'link', 'web', '--sandbox-name', sb, '--', 'cat'], {
      input: 'to stdin\n',
      reject: false,
    });
    t.equal(piped.stdout, 'to stdin', 'stdin is the command’s');

    const unknown = await nslab(['exec', 'link', 'nope', '--sandbox-name', sb, '--', 'true']);
    t.equal(unknown.exitCode, 2, 'an unknown container is bad input');
    t.match(unknown.stderr, 'its containers are db, web');
  },
);
