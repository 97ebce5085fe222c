package io.tandem.sandbox;

/**
 * Points at another object, e.g. the admin or team a part assigned the conversation to.
 */
public record Reference(String type, String id) {
}
