package dev.meshcheck.steps;

/** Who answered a request: a service member's id, its node and its cluster. */
public record ServiceReply(String memberId, String nodeName, String clusterName) {}
