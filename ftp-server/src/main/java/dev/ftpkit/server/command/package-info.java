/**
 * The built-in command handlers, one class per concern (login, TLS, navigation, data ports, parameters,
 * transfers, listings, files, hashes, information, SITE). They see a session only through
 * {@link dev.ftpkit.server.CommandContext}, like any custom handler, so each can be wrapped with a decorated
 * context. {@link dev.ftpkit.server.command.BuiltInCommands} is the table that registers them.
 */
package dev.ftpkit.server.command;
