/**
 * The watch module's version, kept here and nowhere else: the build writes it into
 * metadata.json and unknot.info, checks that watch/ChangeLog's newest entry says the same, and
 * the app reports it in HELLO_REPLY. Two parts (0.10, 0.11…): BangleApps' ChangeLog parser reads
 * nothing else. Bump it, and add a ChangeLog line, whenever a watch file changes.
 */
export const MODULE_VERSION = '0.10';
