// A command aimed at a namespace: `ip -n NS …` for ip itself, `ip netns exec NS …` for any
// other program. null is the machine's own namespace, where the command runs as it is.
export const ipIn = (ns: string | null, ...args: string[]): string[] => (ns ? ['ip', '-n', ns, ...args] : ['ip', ...args]);
export const inNs = (ns: string | null, ...argv: string[]): string[] => (ns ? ['ip', 'netns', 'exec', ns, ...argv] : argv);
