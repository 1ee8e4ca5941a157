/**
 * Parsers for directory listings as real servers send them (Unix {@code ls -l}, DOS/IIS, EPLF).
 * A line no parser understands is returned as an entry carrying the raw line, never dropped.
 */
package dev.ftpkit.core.list;
