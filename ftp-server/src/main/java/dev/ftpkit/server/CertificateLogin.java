package dev.ftpkit.server;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Logs a user in by the client certificate of the control connection instead of a password, as ProFTPD's
 * {@code TLSOptions AllowDotLogin} with {@code TLSUserName} does: when the certificate, already verified by the
 * handshake against the server's trust anchors, maps to the account named in {@code USER}, the server answers
 * {@code 232 User logged in, authorized by security data exchange} (RFC 2228) and asks no password. Any other
 * {@code USER} gets the usual {@code 331} and password check, so a certificate never stands in for another account.
 *
 * <p>Only trust anchors that issue certificates for your users must be in the server's {@code SSLContext}: with the
 * JDK's default trust store, any public CA's certificate whose name matches would log in.
 */
@FunctionalInterface
public interface CertificateLogin {

    /** No certificate logs anyone in (the default): every login needs its password. */
    CertificateLogin NONE = (userName, certificate) -> Optional.empty();

    /**
     * The account {@code userName} may log in as with this certificate.
     *
     * @param userName    the name given to USER
     * @param certificate the client's verified certificate (the first of its chain)
     * @return the account, or empty to ask for the password as usual
     */
    Optional<Account> account(String userName, X509Certificate certificate);

    /**
     * Maps a certificate whose subject common name (CN) equals the user name (exactly) to that user's account.
     *
     * @param accounts the account of each user name, empty for names that may not log in by certificate
     * @return the mapping
     */
    static CertificateLogin byCommonName(Function<String, Optional<Account>> accounts) {
        Objects.requireNonNull(accounts, "accounts");
        return (userName, certificate) -> commonNames(certificate).contains(userName)
                ? accounts.apply(userName) : Optional.empty();
    }

    /**
     * Maps a certificate whose subject alternative names include the user name as an e-mail address
     * ({@code rfc822Name}, RFC 5280 §4.2.1.6; compared exactly) to that user's account.
     *
     * @param accounts the account of each user name (here an e-mail address)
     * @return the mapping
     */
    static CertificateLogin byEmailAddress(Function<String, Optional<Account>> accounts) {
        Objects.requireNonNull(accounts, "accounts");
        return (userName, certificate) -> emailAddresses(certificate).contains(userName)
                ? accounts.apply(userName) : Optional.empty();
    }

    private static List<String> commonNames(X509Certificate certificate) {
        try {
            return new LdapName(certificate.getSubjectX500Principal().getName()).getRdns().stream()
                    .filter(rdn -> rdn.getType().equalsIgnoreCase("CN"))
                    .map(Rdn::getValue).map(String::valueOf).toList();
        } catch (InvalidNameException e) {
            return List.of();
        }
    }

    private static List<String> emailAddresses(X509Certificate certificate) {
        try {
            var names = certificate.getSubjectAlternativeNames();
            if (names == null) {
                return List.of();
            }
            // each entry is [type, value]; 1 = rfc822Name (RFC 5280 §4.2.1.6)
            return names.stream().filter(entry -> Integer.valueOf(1).equals(entry.get(0)))
                    .map(entry -> String.valueOf(entry.get(1))).toList();
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }
}
