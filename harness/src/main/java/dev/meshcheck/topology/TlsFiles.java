package dev.meshcheck.topology;

import dev.meshcheck.topology.tls.MeshCertificates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Where a node finds the run's certificate, key and CA, as the server sees its file system (the run
 * folder for a process, a path inside the container for a container).
 */
record TlsFiles(String certFile, String keyFile, String caFile) {
  /** nats-server's default of 2 s is too short for a handshake on a loaded 2-core machine. */
  static final int HANDSHAKE_TIMEOUT_SECONDS = 10;

  static final String CA = "ca.pem";
  static final String CERTIFICATE = "server-cert.pem";
  static final String KEY = "server-key.pem";

  /** The files in {@code folder} as a server sees it. */
  static TlsFiles in(String folder) {
    return new TlsFiles(folder + "/" + CERTIFICATE, folder + "/" + KEY, folder + "/" + CA);
  }

  /**
   * Writes the run's CA, certificate and key into {@code folder}, the key readable by its owner.
   */
  static TlsFiles write(MeshCertificates certificates, Path folder) {
    try {
      Files.createDirectories(folder);
      Files.writeString(folder.resolve(CA), certificates.caPem());
      Files.writeString(folder.resolve(CERTIFICATE), certificates.certificatePem());
      Path key = folder.resolve(KEY);
      Files.writeString(key, "");
      Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
      Files.writeString(key, certificates.keyPem());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the mesh's certificates to " + folder, e);
    }
    return in(folder.toString());
  }

  /**
   * The {@code tls { }} block of one listener or remote. nats-server asks route and gateway peers
   * for their certificate on its own and checks it against {@code ca_file}; clients need none.
   */
  String block(String indent) {
    return indent
        + "tls {\n"
        + indent
        + "  cert_file: \""
        + certFile
        + "\"\n"
        + indent
        + "  key_file: \""
        + keyFile
        + "\"\n"
        + indent
        + "  ca_file: \""
        + caFile
        + "\"\n"
        + indent
        + "  timeout: "
        + HANDSHAKE_TIMEOUT_SECONDS
        + "\n"
        + indent
        + "}\n";
  }
}
