// Where a command's words go: human lines, or one JSON document for scripts (--json).
export interface Output {
  json: boolean;
  /** a line for people; dropped in --json mode so stdout stays one JSON document */
  line(text?: string): void;
  data(value: unknown): void;
}

export const outputFor = (json: boolean): Output => ({
  json,
  line: (text = '') => {
    if (!json) process.stdout.write(`${text}\n`);
  },
  data: (value) => {
    if (json) process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  },
});
