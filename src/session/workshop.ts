// The workshop run-through: every lab's exercises in workshop order, which are solved on this
// machine, and which comes next.
import { listLabs, loadLab } from '../lab/index.js';
import { inWorkshopOrder } from '../lab/workshop.js';
import type { Solved } from '../run/progress.js';

/** An exercise's title as shown, and as the progress file remembers it (English). */
interface ExerciseTitle {
  title: string;
  key: string;
}

export interface WorkshopExercise {
  lab: string;
  number: number;
  title: string;
  solved: boolean;
}
export interface Workshop {
  labs: { lab: string; title: string; exercises: WorkshopExercise[] }[];
  solved: number;
  total: number;
  /** the first exercise not solved yet, in workshop order; null when all are */
  next: WorkshopExercise | null;
}

/** The exercises of these labs (name → titles), in workshop order, against what was solved. */
export function workshopOf(
  labs: { name: string; title: string; exercises: (string | ExerciseTitle)[] }[],
  solved: Solved,
): Workshop {
  const ordered = inWorkshopOrder(labs).map((l) => ({
    lab: l.name,
    title: l.title,
    exercises: l.exercises.map((x, i) => {
      const { title, key } = typeof x === 'string' ? { title: x, key: x } : x;
      return { lab: l.name, number: i + 1, title, solved: solved[l.name]?.includes(key) ?? false };
    }),
  }));
  const all = ordered.flatMap((l) => l.exercises);
  return {
    labs: ordered,
    solved: all.filter((x) => x.solved).length,
    total: all.length,
    next: all.find((x) => !x.solved) ?? null,
  };
}

/** The catalogue's labs with their exercises' titles (a lab that does not load is left out). */
export function catalogueExercises(): { name: string; title: string; exercises: ExerciseTitle[] }[] {
  return listLabs().flatMap((l) => {
    try {
      const lab = loadLab(l.file);
      const exercises = lab.exercises.map(({ title, key }) => ({ title, key }));
      return [{ name: lab.name, title: lab.title, exercises }];
    } catch {
      return [];
    }
  });
}

/** The exercise after `number` of `lab`: the next of this lab, else the first of the next lab. */
export function nextAfter(w: Workshop, lab: string, number: number): WorkshopExercise | null {
  const all = w.labs.flatMap((l) => l.exercises);
  const at = all.findIndex((x) => x.lab === lab && x.number === number);
  return at < 0 ? null : (all[at + 1] ?? null);
}

/** Which exercise `nslab exercise LAB` builds without a number: the first not solved, else 1. */
export const firstUnsolved = (titles: string[], solved: string[] = []): number =>
  Math.max(
    0,
    titles.findIndex((t) => !solved.includes(t)),
  ) + 1;
