/** A blocking FTP client: passive by default, active on request, typed listings, resume. */
package dev.ftpkit.client;
