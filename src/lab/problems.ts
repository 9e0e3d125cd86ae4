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
