package dev.meshcheck.load.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Messages with reply subjects and headers, as a request-reply client and a responder see them. */
class ServerProtocolParserTest {
  // What nats-server sends a requester whose request found no subscriber (no_responders).
  private static final String NO_RESPONDERS = "HMSG _INBOX.r 1 16 16\r\nNATS/1.0 503\r\n\r\n\r\n";

  @Test
  void aMessageWithAReplySubjectHandsOverTheReplySubjectAndThePayload() throws IOException {
    assertThat(parseAll("MSG svc.echo 1 _INBOX.abc.1 5\r\nhello\r\nMSG svc.echo 1 3\r\nxyz\r\n"))
        .containsExactly("REPLY-TO _INBOX.abc.1 hello", "MSG xyz");
  }

  @Test
  void aNoRespondersHeaderedMessageCarriesStatus503AndNoPayload() throws IOException {
    assertThat(parseAll(NO_RESPONDERS)).containsExactly("HMSG status=503 payload=");
  }

  @Test
  void aHeaderedMessageWithAPayloadSplitsHeadersFromPayload() throws IOException {
    String headers = "NATS/1.0\r\nX-Trace: 7\r\n\r\n";
    String line =
        "HMSG svc.a 2 _INBOX.z " + headers.length() + " " + (headers.length() + 4) + "\r\n";
    assertThat(parseAll(line + headers + "data\r\n")).containsExactly("HMSG status=0 payload=data");
  }

  @Test
  void aStatusWithADescriptionIsReadFromTheFirstHeaderLine() {
    byte[] header = "NATS/1.0 408 Request Timeout\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    assertThat(ServerProtocolParser.statusCode(header, 0, header.length)).isEqualTo(408);
    byte[] none = "NATS/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    assertThat(ServerProtocolParser.statusCode(none, 0, none.length)).isZero();
  }

  @Test
  void anIncompleteHeaderedMessageWaitsForTheRestAtEveryCut() throws IOException {
    byte[] bytes = (NO_RESPONDERS + "PING\r\n").getBytes(StandardCharsets.US_ASCII);
    for (int cut = 0; cut < NO_RESPONDERS.length(); cut++) {
      Recording listener = new Recording();
      assertThat(ServerProtocolParser.parse(bytes, 0, cut, listener)).as("cut %d", cut).isZero();
      assertThat(listener.operations).isEmpty();
    }
    Recording listener = new Recording();
    assertThat(ServerProtocolParser.parse(bytes, 0, bytes.length, listener))
        .isEqualTo(bytes.length);
    assertThat(listener.operations).containsExactly("HMSG status=503 payload=", "PING");
  }

  @Test
  void malformedMessageLinesAreProtocolErrors() {
    for (String bad :
        List.of(
            "HMSG a 1 20 16\r\n", // more header than total bytes
            "HMSG a 16\r\n",
            "MSG a 1 b c 5\r\n",
            "MSG a 1 x5\r\n",
            "MSGX a 1 5\r\n")) {
      assertThatThrownBy(() -> parseAll(bad + "0123456789012345678901\r\n"))
          .as(bad)
          .isInstanceOf(ProtocolException.class);
    }
  }

  private static List<String> parseAll(String stream) throws IOException {
    byte[] bytes = stream.getBytes(StandardCharsets.US_ASCII);
    Recording listener = new Recording();
    assertThat(ServerProtocolParser.parse(bytes, 0, bytes.length, listener))
        .as("everything consumed")
        .isEqualTo(bytes.length);
    return listener.operations;
  }

  private static final class Recording implements ServerProtocolParser.Listener {
    private final List<String> operations = new ArrayList<>();

    @Override
    public void onMessage(byte[] buffer, int offset, int length) {
      operations.add("MSG " + text(buffer, offset, length));
    }

    @Override
    public void onMessageWithReply(
        byte[] buffer, int replyOffset, int replyLength, int offset, int length) {
      operations.add(
          "REPLY-TO "
              + text(buffer, replyOffset, replyLength)
              + " "
              + text(buffer, offset, length));
    }

    @Override
    public void onHeaderedMessage(
        byte[] buffer, int headerOffset, int headerLength, int offset, int length) {
      int status = ServerProtocolParser.statusCode(buffer, headerOffset, headerLength);
      operations.add("HMSG status=" + status + " payload=" + text(buffer, offset, length));
    }

    @Override
    public void onPing() {
      operations.add("PING");
    }

    @Override
    public void onPong() {
      operations.add("PONG");
    }

    @Override
    public void onError(String serverMessage) {
      operations.add("ERR " + serverMessage);
    }

    private static String text(byte[] buffer, int offset, int length) {
      return new String(buffer, offset, length, StandardCharsets.US_ASCII);
    }
  }
}
