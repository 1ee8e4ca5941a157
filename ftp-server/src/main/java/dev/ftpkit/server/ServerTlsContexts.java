package dev.ftpkit.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collections;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Makes the {@link SSLContext} an FTPS server presents ({@link TlsSettings#builder(SSLContext)}) from a key
 * store file. Any other {@code SSLContext} with a key manager works as well.
 */
public final class ServerTlsContexts {

    private ServerTlsContexts() {
    }

    /**
     * Loads a PKCS12 key store holding the server's private key and certificate chain (as made by
     * {@code keytool -genkeypair -storetype PKCS12} or {@code openssl pkcs12 -export}) into a TLS context.
     *
     * @param keystore the {@code .p12} / {@code .pfx} file
     * @param password the password of the store and of its key
     * @return a server-side context presenting that key
     * @throws IOException              if the file cannot be read or the password is wrong
     * @throws GeneralSecurityException if the store holds no usable private key
     */
    public static SSLContext fromPkcs12(Path keystore, char[] password) throws IOException, GeneralSecurityException {
        Objects.requireNonNull(keystore, "keystore");
        Objects.requireNonNull(password, "password");
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, password);
        }
        boolean hasKey = false;
        for (String alias : Collections.list(store.aliases())) {
            hasKey |= store.isKeyEntry(alias);
        }
        if (!hasKey) {
            throw new GeneralSecurityException("no private key in " + keystore);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }
}
