/**
 * Who may do what: contract groups and demo users, authorizations, Tasklist queues, HTTP
 * authentication, login throttling and audited identity changes. May use the engine, Spring
 * Security and compliance; no process package.
 */
package io.gxpflow.identity;
