/**
 * What other folders of src/ui may use from safety/: the pain advice and the collapsed safety
 * advice the player shows (registered by this side-effect import). The About page and the
 * professional banner are loaded by the shell directly.
 */
import './unknot-pain-advice';
import './unknot-safety-advice';
export type { UnknotPainAdvice } from './unknot-pain-advice';
export type { UnknotSafetyAdvice } from './unknot-safety-advice';
