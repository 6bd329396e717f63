package dev.drydock.ports.model;

/** How a build was made, which decides default structure, command and port. */
public enum BuildType {
    BUILDPACK, DOCKERFILE, IMAGE
}
