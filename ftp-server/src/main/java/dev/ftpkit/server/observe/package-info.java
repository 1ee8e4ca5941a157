/**
 * Seeing what a server does: {@link dev.ftpkit.server.observe.ServerMetrics} (counts, rendered for Prometheus by
 * {@link dev.ftpkit.server.observe.PrometheusText}), {@link dev.ftpkit.server.observe.XferLog} (the wu-ftpd/vsftpd
 * transfer log) and {@link dev.ftpkit.server.observe.AuditLog} (JSON lines). Each is a
 * {@link dev.ftpkit.server.ServerListener}; combine them with {@link dev.ftpkit.server.ServerListener#all}.
 */
package dev.ftpkit.server.observe;
