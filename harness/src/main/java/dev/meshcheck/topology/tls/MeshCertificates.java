package dev.meshcheck.topology.tls;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority made for one mesh and the one server certificate it signs for every node
 * of that mesh, in PEM for nats-server; nothing is kept beyond the run, and no key is ever in the
 * repository. The server certificate names every address and name a peer or client dials, and may
 * serve as a client certificate too: nats-server requires one of every route and gateway peer and
 * checks it against the same CA. Immutable once made; thread-safe.
 *
 * <pre>{@code
 * MeshCertificates tls = MeshCertificates.create(List.of("127.0.0.1", "localhost"));
 * Options options = Options.builder().server(url).sslContext(tls.clientContext()).build();
 * }</pre>
 */
public final class MeshCertificates {
  /** Long enough for any run, short enough that a leaked file is soon worthless. */
  private static final Duration VALIDITY = Duration.ofDays(2);

  private static final char[] STORE_PASSWORD = "meshcheck".toCharArray();

  private final X509Certificate ca;
  private final X509Certificate server;
  private final KeyPair serverKeys;

  private MeshCertificates(X509Certificate ca, X509Certificate server, KeyPair serverKeys) {
    this.ca = ca;
    this.server = server;
    this.serverKeys = serverKeys;
  }

  /**
   * Makes a fresh CA and server certificate, in memory only; the launcher writes them where its
   * servers read them ({@link #caPem()}, {@link #certificatePem()}, {@link #keyPem()}).
   *
   * @param names what peers and clients dial: IP addresses and DNS names, all put in the subject
   *     alternative names
   */
  public static MeshCertificates create(List<String> names) {
    try {
      KeyPair caKeys = ecKeys();
      X500Name caName = new X500Name("CN=meshcheck run CA");
      X509Certificate ca = caCertificate(caName, caKeys);
      KeyPair serverKeys = ecKeys();
      X509Certificate server = serverCertificate(caName, caKeys, serverKeys, names);
      return new MeshCertificates(ca, server, serverKeys);
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new IllegalStateException("cannot make the mesh's TLS certificates: " + e, e);
    }
  }

  /** The CA certificate, PEM, that servers check their peers against. */
  public String caPem() {
    return pem("CERTIFICATE", encoded(ca));
  }

  /** The server certificate, PEM, that every node presents. */
  public String certificatePem() {
    return pem("CERTIFICATE", encoded(server));
  }

  /** The server certificate's private key, PKCS#8 PEM: write it readable by its owner only. */
  public String keyPem() {
    return pem("PRIVATE KEY", serverKeys.getPrivate().getEncoded());
  }

  private static byte[] encoded(X509Certificate certificate) {
    try {
      return certificate.getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encode a certificate made here: " + e, e);
    }
  }

  /** The run's CA, which a client that verifies the mesh trusts alone. */
  public X509Certificate caCertificate() {
    return ca;
  }

  /** A context for clients: trusts this run's CA and nothing else; presents no certificate. */
  public SSLContext clientContext() {
    return context(false);
  }

  /**
   * A context for a probe that dials a route or gateway port: trusts this run's CA and presents the
   * server certificate, as a peer node would.
   */
  public SSLContext peerContext() {
    return context(true);
  }

  private SSLContext context(boolean presentCertificate) {
    try {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("meshcheck-ca", ca);
      TrustManagerFactory trustManagers =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trustManagers.init(trust);
      KeyManagerFactory keyManagers = null;
      if (presentCertificate) {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry(
            "meshcheck-server",
            serverKeys.getPrivate(),
            STORE_PASSWORD,
            new Certificate[] {server, ca});
        keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, STORE_PASSWORD);
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(
          keyManagers == null ? null : keyManagers.getKeyManagers(),
          trustManagers.getTrustManagers(),
          new SecureRandom());
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build a TLS context for the mesh's CA: " + e, e);
    }
  }

  private static String pem(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }

  private static KeyPair ecKeys() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  private static X509Certificate caCertificate(X500Name name, KeyPair keys)
      throws GeneralSecurityException, OperatorCreationException, IOException {
    X509v3CertificateBuilder builder = builder(name, name, keys.getPublic());
    JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
    builder.addExtension(
        Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    builder.addExtension(
        Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
    return sign(builder, keys);
  }

  private static X509Certificate serverCertificate(
      X500Name caName, KeyPair caKeys, KeyPair keys, List<String> names)
      throws GeneralSecurityException, OperatorCreationException, IOException {
    X509v3CertificateBuilder builder =
        builder(caName, new X500Name("CN=meshcheck node"), keys.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    builder.addExtension(
        Extension.keyUsage,
        true,
        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
    builder.addExtension(
        Extension.extendedKeyUsage,
        false,
        new ExtendedKeyUsage(
            new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
    builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames(names));
    return sign(builder, caKeys);
  }

  private static GeneralNames alternativeNames(List<String> names) {
    List<GeneralName> general = new ArrayList<>();
    for (String name : names) {
      boolean isAddress = name.matches("[0-9.]+") || name.contains(":");
      general.add(new GeneralName(isAddress ? GeneralName.iPAddress : GeneralName.dNSName, name));
    }
    return new GeneralNames(general.toArray(GeneralName[]::new));
  }

  private static X509v3CertificateBuilder builder(
      X500Name issuer, X500Name subject, PublicKey subjectKey) {
    Instant now = Instant.now();
    return new JcaX509v3CertificateBuilder(
        issuer,
        new BigInteger(64, new SecureRandom()),
        // An hour back: a node whose clock lags a little still accepts it.
        Date.from(now.minus(Duration.ofHours(1))),
        Date.from(now.plus(VALIDITY)),
        subject,
        subjectKey);
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer)
      throws GeneralSecurityException, OperatorCreationException {
    var signerContent = new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate());
    return new JcaX509CertificateConverter().getCertificate(builder.build(signerContent));
  }

  @Override
  public String toString() {
    return "MeshCertificates[" + ca.getSubjectX500Principal() + ", " + server.getNotAfter() + "]";
  }
}
