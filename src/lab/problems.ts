// A problem in a lab file, pointed at by file:line:col so the learner can jump to it.
export interface Problem {
  file: string;
  line: number;
  col: number;
  message: string;
}

/** "file:line:col: message", or "file: message" for a problem with the file as a whole (line 0). */
export const formatProblem = (p: Problem): string =>
  p.line > 0 ? `${p.file}:${p.line}:${p.col}: ${p.message}` : `${p.file}: ${p.message}`;

/** Thrown when a lab cannot be used; carries every problem found, not just the first. */
export class LabError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'LabError';
  }
}

/** Problems shown at most: a learner fixes the first ones first, and a broken file can make millions. */
export const MAX_PROBLEMS = 50;

/** The first MAX_PROBLEMS problems, and one more saying that more follow. */
export const atMost = (problems: Problem[]): Problem[] =>
  problems.length <= MAX_PROBLEMS
    ? problems
    : [
        ...problems.slice(0, MAX_PROBLEMS),
        {
          file: problems[0]!.file,
          line: 0,
          col: 0,
          message: `more problems follow: these are the first ${MAX_PROBLEMS}, fix them first`,
        },
      ];

/** A piece of the file quoted in a message, cut short: a value may be a megabyte long. */
export const clip = (text: string, max = 80): string =>
  text.length <= max ? text : `${text.slice(0, max - 1)}…`;
