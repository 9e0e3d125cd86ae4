// A command aimed at a namespace: `ip -n NS …` for ip itself, `ip netns exec NS …` for any
// other program. null is the machine's own namespace, where the command runs as it is.
export const ipIn = (ns: string | null, ...args: string[]): string[] => (ns ? ['ip', '-n', ns, ...args] : ['ip', ...args]);
export const inNs = (ns: string | null, ...argv: string[]): string[] => (ns ? ['ip', 'netns', 'exec', ns, ...argv] : argv);
/** inNs read back: the namespace a command runs in and the program it runs there. */
export const fromNs = (argv: readonly string[]): { ns: string | null; argv: readonly string[] } =>
  argv[0] === 'ip' && argv[1] === 'netns' && argv[2] === 'exec' ? { ns: argv[3]!, argv: argv.slice(4) } : { ns: null, argv };
