package dev.meshcheck.scenario;

/** A standalone server that joins the cluster {@code hubCluster} over a leaf-node connection. */
public record LeafNodeSpec(String name, String hubCluster) {
  public LeafNodeSpec {
    Names.require("leaf node name", name);
    Names.require("leaf node hub", hubCluster);
  }
}
