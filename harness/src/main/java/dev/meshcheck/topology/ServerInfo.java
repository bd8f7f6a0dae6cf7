package dev.meshcheck.topology;

/** What a server says about itself on {@code /varz}. */
public record ServerInfo(String serverId, String serverName, String version) {}
