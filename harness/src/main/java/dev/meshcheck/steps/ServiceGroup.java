package dev.meshcheck.steps;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The members of one named service answering one subject in one queue group. Not thread-safe for
 * membership changes (made by steps on the test thread); member counters are thread-safe.
 */
public final class ServiceGroup {
  private final String serviceName;
  private final String subject;
  private final String queueGroup;
  private final List<ServiceMember> members = new ArrayList<>();

  ServiceGroup(String serviceName, String subject, String queueGroup) {
    this.serviceName = serviceName;
    this.subject = subject;
    this.queueGroup = queueGroup;
  }

  void add(ServiceMember member) {
    members.add(member);
  }

  public String serviceName() {
    return serviceName;
  }

  public String subject() {
    return subject;
  }

  public String queueGroup() {
    return queueGroup;
  }

  public List<ServiceMember> members() {
    return List.copyOf(members);
  }

  public List<ServiceMember> runningMembers() {
    return members.stream().filter(ServiceMember::isRunning).toList();
  }

  /** Requests each member handled since it started, by member id. */
  public Map<String, Long> handledByMember() {
    Map<String, Long> handled = new TreeMap<>();
    members.forEach(m -> handled.put(m.memberId(), m.handled()));
    return handled;
  }

  public String describe() {
    return "service '"
        + serviceName
        + "' on "
        + subject
        + " in queue group "
        + queueGroup
        + " with members "
        + members.stream().map(m -> m.memberId() + "@node " + m.nodeName()).toList();
  }
}
