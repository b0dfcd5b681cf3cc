/** The parse stage: English instruction → SceneSpec (entities + constraints). */
export { parseInstruction, MAX_INSTRUCTION_LENGTH } from './parse-instruction.js';
export { MAX_LENGTH_M } from './quantities.js';
