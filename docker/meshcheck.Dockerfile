# meshcheck itself, for shards on Kubernetes or Docker: a jlink'd Java runtime, the shaded jar and
# busybox (a shell for debugging a pod), FROM scratch, so that it builds without a registry (see
# build-meshcheck-image.sh, which assembles the build context).
FROM scratch
COPY rootfs/ /
ENV PATH=/opt/java/bin:/bin JAVA_HOME=/opt/java
WORKDIR /meshcheck
ENTRYPOINT ["/opt/java/bin/java", "-XX:+UseContainerSupport", "-jar", "/opt/meshcheck/meshcheck.jar"]
CMD ["--help"]
