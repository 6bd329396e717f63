/**
 * Resources, representations and the HTTP plumbing they share (authentication, JSON bodies,
 * pagination, dates, the error mapper). Not API: may change without notice.
 */
package dev.drydock.http.internal;
