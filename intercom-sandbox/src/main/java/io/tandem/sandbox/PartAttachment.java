package io.tandem.sandbox;

import java.net.URI;
import java.net.URLConnection;

/**
 * A file attached to a part (Intercom's {@code part_attachment}); an admin's {@code attachment_urls} become uploads.
 */
public record PartAttachment(String type, String name, String url, String contentType) {

    private static final String UNKNOWN_TYPE = "application/octet-stream";

    public static PartAttachment fromUrl(String url) {
        String path = URI.create(url).getPath();
        String name = path == null || path.isEmpty() || path.endsWith("/") ? url
                : path.substring(path.lastIndexOf('/') + 1);
        String contentType = URLConnection.guessContentTypeFromName(name);
        return new PartAttachment("upload", name, url, contentType == null ? UNKNOWN_TYPE : contentType);
    }
}
