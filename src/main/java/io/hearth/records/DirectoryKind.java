package io.hearth.records;

/** The practice directory: people and places that are not patient information. */
public enum DirectoryKind {
    PRACTITIONER, ORGANIZATION, LOCATION
}
