package dev.meshcheck.topology.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeshCertificatesTest {
  @Test
  void theServerCertificateChainsToTheRunsCaAndNamesWhatPeersDial() throws Exception {
    MeshCertificates tls = MeshCertificates.create(List.of("127.0.0.1", "n1", "localhost"));

    X509Certificate server = read(tls.certificatePem());
    X509Certificate ca = read(tls.caPem());

    server.verify(ca.getPublicKey());
    assertThat(ca.getBasicConstraints()).as("the CA may sign").isGreaterThanOrEqualTo(0);
    assertThat(server.getBasicConstraints()).as("the node certificate may not").isEqualTo(-1);
    assertThat(server.getExtendedKeyUsage())
        .as("routes and gateways present it as clients too")
        .contains("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
    List<Object> names =
        server.getSubjectAlternativeNames().stream().map(name -> (Object) name.get(1)).toList();
    assertThat(names).containsExactlyInAnyOrder("127.0.0.1", "n1", "localhost");
    assertThat(tls.keyPem()).startsWith("-----BEGIN PRIVATE KEY-----");
  }

  @Test
  void everyRunHasItsOwnCa() throws Exception {
    MeshCertificates first = MeshCertificates.create(List.of("127.0.0.1"));
    MeshCertificates second = MeshCertificates.create(List.of("127.0.0.1"));

    assertThat(read(first.caPem()).getPublicKey())
        .as("no CA is shared between runs")
        .isNotEqualTo(read(second.caPem()).getPublicKey());
  }

  private static X509Certificate read(String pem) throws Exception {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
  }
}
