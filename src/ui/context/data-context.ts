/**
 * The data layer (an UnknotData from openUnknotDb) handed down with @lit/context. Undefined
 * until the database is open, or when it could not be opened: views then save nothing and say so.
 */
import { createContext } from '@lit/context';
import type { UnknotData } from '../../data/api';

export const dataContext = createContext<UnknotData | undefined>(Symbol('unknot-data'));
