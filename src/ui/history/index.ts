/** What other folders of src/ui may use from history/: the pain chart the report reuses.
 * (Registered by the side-effect import; the class is exported as a type only so the bundle keeps
 * one chunk per view.) */
import './unknot-history-chart';
export type { UnknotHistoryChart } from './unknot-history-chart';
