/**
 * Generated instructions for the scene-size sweep: N entities object_1 … object_N linked in a chain by
 * relations that cycle through left of / near / behind / in front of, with the first object on the table.
 * Deterministic, so a sweep point means the same scene in every run and on every machine.
 */

const RELATIONS = ['to the left of', 'near', 'behind', 'to the right of'];

/** An instruction with exactly `objects` movable entities (plus the table) and `objects` relations. */
export function generateSceneInstruction(objects: number): string {
  if (!Number.isInteger(objects) || objects < 1) throw new RangeError(`objects must be a positive integer, got ${objects}`);
  const clauses = ['place object_1 on the table'];
  for (let i = 1; i < objects; i++) {
    clauses.push(`object_${i + 1} ${RELATIONS[(i - 1) % RELATIONS.length]} object_${i}`);
  }
  return clauses.join(', ');
}
