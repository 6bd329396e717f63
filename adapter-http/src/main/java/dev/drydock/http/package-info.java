/**
 * The Drycc Workflow v2.3 REST API over the driving ports: {@link dev.drydock.http.HttpApi} starts
 * it on Grizzly, {@link dev.drydock.http.ApiServices} is what it needs from the core.
 */
package dev.drydock.http;
