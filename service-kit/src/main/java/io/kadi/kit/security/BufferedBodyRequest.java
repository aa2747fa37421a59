package io.kadi.kit.security;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A request whose body has been read whole (to hash it for the signature) and can be read again by the handler.
 * Spring's ContentCachingRequestWrapper only keeps what the handler reads, after it has read it, which is too late.
 */
public final class BufferedBodyRequest extends HttpServletRequestWrapper {

  private final byte[] body;

  private BufferedBodyRequest(HttpServletRequest request, byte[] body) {
    super(request);
    this.body = body;
  }

  /** The request with its body read, or empty when the body is longer than {@code maxBytes}. */
  public static Optional<BufferedBodyRequest> read(HttpServletRequest request, long maxBytes) throws IOException {
    if (request instanceof BufferedBodyRequest buffered) {
      return Optional.of(buffered);
    }
    if (request.getContentLengthLong() > maxBytes) {
      return Optional.empty();
    }
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      return body.length > maxBytes ? Optional.empty() : Optional.of(new BufferedBodyRequest(request, body));
    }
  }

  public byte[] body() {
    return body.clone();
  }

  @Override
  public int getContentLength() {
    return body.length;
  }

  @Override
  public long getContentLengthLong() {
    return body.length;
  }

  @Override
  public ServletInputStream getInputStream() {
    ByteArrayInputStream in = new ByteArrayInputStream(body);
    return new ServletInputStream() {
      @Override
      public int read() {
        return in.read();
      }

      @Override
      public int read(byte[] buffer, int offset, int length) {
        return in.read(buffer, offset, length);
      }

      @Override
      public boolean isFinished() {
        return in.available() == 0;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {
        throw new UnsupportedOperationException("the body is already read");
      }
    };
  }

  @Override
  public BufferedReader getReader() {
    String encoding = getCharacterEncoding();
    Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
    return new BufferedReader(new InputStreamReader(getInputStream(), charset));
  }
}
