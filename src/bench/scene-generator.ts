/**
 * Generated instructions for the scene-size sweep: N entities object_1 … object_N linked in a chain by
 * relations that cycle through left of / near / behind / right of, with the first object on the floor.
 * Deterministic, so a sweep point means the same scene in every run and on every machine. On the floor, not on a
 * table: objects placed only beside an object that rests on a support rest on that support too (the grammar's
 * reading of "the cup on the table, the saucer left of the cup"), so a chain of 128 beside an object on a table
 * would measure packing one table (refused past its growth limit), not the scene's size.
 */

const RELATIONS = ['to the left of', 'near', 'behind', 'to the right of'];

/** An instruction with exactly `objects` movable entities and `objects` relations (the first: on the floor). */
export function generateSceneInstruction(objects: number): string {
  if (!Number.isInteger(objects) || objects < 1) throw new RangeError(`objects must be a positive integer, got ${objects}`);
  const clauses = ['place object_1 on the floor'];
  for (let i = 1; i < objects; i++) {
    clauses.push(`object_${i + 1} ${RELATIONS[(i - 1) % RELATIONS.length]} object_${i}`);
  }
  return clauses.join(', ');
}
