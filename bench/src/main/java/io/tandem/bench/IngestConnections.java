package io.tandem.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * The ingest bench's HTTP/1.1 client: a fixed number of keep-alive connections driven by one selector thread, one
 * request in flight per connection; requests beyond that wait in a queue (and their wait counts, since answer times
 * are measured from when a webhook was due). Requests are sent as pre-built bytes, so sending costs the load
 * generator, which shares the box with the service, a few microseconds; the JDK's HttpClient costs ten times that.
 * Knows just enough HTTP for Quarkus' answers: a status line, headers, a body of {@code content-length}.
 */
final class IngestConnections implements AutoCloseable {

    /** An answer: the status and whether the body says DUPLICATE; or the failure. */
    record Answer(int status, boolean duplicate, IOException failure) {
    }

    private record Pending(ByteBuffer request, Consumer<Answer> answered) {
    }

    private static final byte[] DUPLICATE = "DUPLICATE".getBytes(StandardCharsets.US_ASCII);

    private final InetSocketAddress address;
    private final Selector selector;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final ArrayDeque<Connection> idle = new ArrayDeque<>();
    private final Thread loop;
    private volatile boolean running = true;

    IngestConnections(InetSocketAddress address, int connections) throws IOException {
        this.address = address;
        this.selector = Selector.open();
        for (int i = 0; i < connections; i++) {
            idle.add(connect());
        }
        this.loop = new Thread(this::run, "ingest-bench-connections");
        this.loop.setDaemon(true);
        this.loop.start();
    }

    /** The bytes of a POST with the given headers (name, value, ...) and body. */
    static byte[] post(InetSocketAddress address, String path, byte[] body, String... headers) {
        StringBuilder head = new StringBuilder("POST ").append(path).append(" HTTP/1.1\r\nHost: ")
                .append(address.getHostString()).append(':').append(address.getPort()).append("\r\n");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[start.length + body.length];
        System.arraycopy(start, 0, request, 0, start.length);
        System.arraycopy(body, 0, request, start.length, body.length);
        return request;
    }

    /** Sends when a connection is free; {@code answered} runs on the client's thread and must be quick. */
    void send(byte[] request, Consumer<Answer> answered) {
        queue.add(new Pending(ByteBuffer.wrap(request), answered));
        selector.wakeup();
    }

    private Connection connect() throws IOException {
        SocketChannel channel = SocketChannel.open(address);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        channel.configureBlocking(false);
        Connection connection = new Connection(channel);
        connection.key = channel.register(selector, 0, connection);
        return connection;
    }

    private void run() {
        while (running) {
            try {
                while (!idle.isEmpty() && !queue.isEmpty()) {
                    idle.poll().start(queue.poll());
                }
                selector.select(100);
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    Connection connection = (Connection) key.attachment();
                    try {
                        if (key.isValid() && key.isWritable()) {
                            connection.write();
                        }
                        if (key.isValid() && key.isReadable()) {
                            connection.read();
                        }
                    } catch (IOException e) {
                        connection.fail(e);
                    }
                }
            } catch (IOException e) {
                if (running) {
                    throw new IllegalStateException("the bench's selector failed", e);
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        selector.wakeup();
        try {
            loop.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (SelectionKey key : selector.keys()) {
            key.channel().close();
        }
        selector.close();
    }

    private final class Connection {

        private final SocketChannel channel;
        private final ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        private SelectionKey key;
        private Pending current;

        Connection(SocketChannel channel) {
            this.channel = channel;
        }

        void start(Pending pending) {
            current = pending;
            in.clear();
            try {
                write();
            } catch (IOException e) {
                fail(e);
            }
        }

        void write() throws IOException {
            channel.write(current.request());
            key.interestOps(current.request().hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }

        void read() throws IOException {
            if (channel.read(in) < 0) {
                throw new IOException("the service closed the connection");
            }
            int headEnd = indexOf(in, 0, in.position(), "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            if (headEnd < 0) {
                return;
            }
            String head = new String(in.array(), 0, headEnd, StandardCharsets.US_ASCII);
            int length = contentLength(head);
            int bodyStart = headEnd + 4;
            if (in.position() < bodyStart + length) {
                return;
            }
            int status = Integer.parseInt(head.substring(9, 12));
            boolean duplicate = indexOf(in, bodyStart, bodyStart + length, DUPLICATE) >= 0;
            Pending done = current;
            current = null;
            key.interestOps(0);
            if (head.toLowerCase(Locale.ROOT).contains("\r\nconnection: close")) {
                reconnect();
            } else {
                idle.add(this);
            }
            done.answered().accept(new Answer(status, duplicate, null));
        }

        void fail(IOException failure) {
            Pending failed = current;
            current = null;
            reconnect();
            if (failed != null) {
                failed.answered().accept(new Answer(-1, false, failure));
            }
        }

        private void reconnect() {
            key.cancel();
            try {
                channel.close();
                idle.add(connect());
            } catch (IOException e) {
                // one connection fewer; the others carry on
            }
        }

        private int contentLength(String head) throws IOException {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("content-length")) {
                    return Integer.parseInt(line.substring(colon + 1).trim());
                }
            }
            throw new IOException("an answer without content-length: " + head.lines().findFirst().orElse(""));
        }
    }

    private static int indexOf(ByteBuffer buffer, int from, int to, byte[] wanted) {
        byte[] bytes = buffer.array();
        outer:
        for (int i = from; i <= to - wanted.length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (bytes[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
