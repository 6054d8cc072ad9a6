/** What other folders of src/ui may use from onboarding/: the first-run welcome. */
import './unknot-welcome';
export type { UnknotWelcome } from './unknot-welcome';
