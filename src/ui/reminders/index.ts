/** What other folders of src/ui may use from reminders/: the per-routine reminder row of the settings view.
 * (Registered by the side-effect import; the class is exported as a type only so the bundle keeps
 * one chunk per view.) */
import './unknot-reminders-routine';
import './unknot-calendar-offer';
export type { UnknotRemindersRoutine } from './unknot-reminders-routine';
export type { UnknotCalendarOffer } from './unknot-calendar-offer';
