package io.tandem.sandbox.rest;

/**
 * What the customer writes when the sandbox plays them.
 *
 * @param email optional; with it the customer is a user, without it an anonymous lead
 * @param name  optional
 */
public record CustomerMessage(String body, String email, String name) {
}
