package org.stockcast.retrainservice.support;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * An SSE request over a plain socket, for clients that decide when and how fast they read (a real HTTP client
 * buffers on its own). HTTP/1.0, so the body has no chunked framing and ends when the server closes.
 */
public final class SseSocket implements AutoCloseable {
    private final Socket socket;

    private SseSocket(Socket socket) {
        this.socket = socket;
    }

    /** Connects and sends the GET; {@code receiveBufferBytes} 0 keeps the system's receive window. */
    public static SseSocket open(int port, String path, int receiveBufferBytes) throws IOException {
        Socket socket = new Socket();
        if (receiveBufferBytes > 0) {
            socket.setReceiveBufferSize(receiveBufferBytes);
        }
        socket.connect(new InetSocketAddress("localhost", port), 30_000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.0\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return new SseSocket(socket);
    }

    /** Reads the status line and headers; the reader then parses the events. */
    public SseReader events() throws IOException {
        InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
        String head = readHead(in);
        if (!head.startsWith("HTTP/1.1 200") && !head.startsWith("HTTP/1.0 200")) {
            throw new IOException("not a 200: " + head.lines().findFirst().orElse(""));
        }
        return new SseReader(in);
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("response ended inside its headers: " + head);
            }
            head.append((char) b);
        }
        return head.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
