package cn.ogi.e2e.bench;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * The measured loop's HTTP/1.1 client: one keep-alive socket (one client thread), requests pre-encoded as bytes
 * ({@link #encode}), and of each answer the status line and headers parsed and the body read fully (by
 * {@code Content-Length} or chunked), so that the next answer starts where this one ended. When the server closed
 * the connection (or a write fails) before any byte of the answer came, it reconnects and sends once more. It
 * does what java.net.http does for one GET on a kept-alive connection, without its per-request objects, executor
 * hops and header maps: the benchmark runs on the same two cores as the server, so what the client costs is taken
 * from the server (docs/BENCHMARKS.md, "stats-service at scale").
 */
final class KeepAliveClient implements AutoCloseable {

    private static final int TIMEOUT_MILLIS = 120_000;

    private final String host;
    private final int port;
    private byte[] buffer = new byte[16 * 1024];
    private int position;
    private int limit;
    private int bodyStart;
    private int bodyLength;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    KeepAliveClient(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** The bytes of a GET of the URI (path and query as given) with the headers, on a kept-alive connection. */
    static byte[] encode(URI uri, Map<String, String> headers) {
        StringBuilder request = new StringBuilder("GET ")
                .append(uri.getRawPath())
                .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                .append(" HTTP/1.1\r\nHost: ")
                .append(uri.getHost())
                .append(':')
                .append(uri.getPort())
                .append("\r\n");
        headers.forEach(
                (name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        return request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Sends the request and reads its whole answer; returns the status (the body: {@link #body}). */
    int send(byte[] request) throws IOException {
        if (socket != null) {
            try {
                return exchange(request);
            } catch (ClosedBeforeAnswer | SocketException closed) {
                close(); // the server closed the kept-alive connection: a GET may be sent again
            }
        }
        connect();
        return exchange(request);
    }

    private int exchange(byte[] request) throws IOException {
        out.write(request);
        out.flush();
        return readAnswer();
    }

    /** The body of the last answer, as text (for a refusal's message). */
    String body() {
        return new String(buffer, bodyStart, bodyLength, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
        in = socket.getInputStream();
        out = socket.getOutputStream();
        position = 0;
        limit = 0;
    }

    /** Status line, headers, body; the buffer then starts at what follows (nothing, for a closed loop). */
    private int readAnswer() throws IOException {
        compact();
        if (limit == 0 && fill() < 0) {
            throw new ClosedBeforeAnswer();
        }
        String statusLine = line();
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closes = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" ->
                    chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> closes = value.equalsIgnoreCase("close");
                default -> {}
            }
        }
        boolean noBody = status == 304 || status == 204 || status / 100 == 1;
        if (noBody) {
            bodyStart = position;
            bodyLength = 0;
        } else if (chunked) {
            readChunked();
        } else if (length >= 0) {
            readFixed((int) length);
        } else {
            throw new IOException("an answer without Content-Length or chunked encoding: " + statusLine);
        }
        if (closes) {
            close();
        }
        return status;
    }

    private void readFixed(int length) throws IOException {
        require(length);
        bodyStart = position;
        bodyLength = length;
        position += length;
    }

    /** De-chunks in place: the chunks' data are moved together from {@code bodyStart}. */
    private void readChunked() throws IOException {
        int start = position;
        int written = 0;
        while (true) {
            String size = line();
            int semicolon = size.indexOf(';');
            int chunk = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            if (chunk == 0) {
                while (!line().isEmpty()) {
                    // trailers
                }
                break;
            }
            require(chunk + 2);
            System.arraycopy(buffer, position, buffer, start + written, chunk);
            written += chunk;
            position += chunk + 2;
        }
        bodyStart = start;
        bodyLength = written;
    }

    /** One CRLF-terminated line (without it), read from the buffer, filled as needed. */
    private String line() throws IOException {
        int from = position;
        while (true) {
            for (int i = from; i + 1 < limit; i++) {
                if (buffer[i] == '\r' && buffer[i + 1] == '\n') {
                    String line = new String(buffer, position, i - position, StandardCharsets.ISO_8859_1);
                    position = i + 2;
                    return line;
                }
            }
            from = Math.max(position, limit - 1);
            if (fill() < 0) {
                throw new EOFException("the connection closed inside an answer's head");
            }
        }
    }

    /** At least {@code n} bytes from {@code position} in the buffer. */
    private void require(int n) throws IOException {
        while (limit - position < n) {
            if (fill() < 0) {
                throw new EOFException("the connection closed inside an answer's body");
            }
        }
    }

    /** Reads more; never moves what the buffer holds (a de-chunked body lives before {@code position}). */
    private int fill() throws IOException {
        if (limit == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int read = in.read(buffer, limit, buffer.length - limit);
        if (read > 0) {
            limit += read;
        }
        return read;
    }

    /** Drops what earlier answers left before {@code position}. */
    private void compact() {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
    }

    /** The kept-alive connection had been closed by the server: nothing of the answer came. */
    private static final class ClosedBeforeAnswer extends IOException {
        private static final long serialVersionUID = 1L;

        ClosedBeforeAnswer() {
            super("closed before the answer");
        }
    }
}
