/** Report for the physiotherapist, CSV of sessions, and sharing one routine. */
export * from './report';
export * from './csv';
export * from './share';
