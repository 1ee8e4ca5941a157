package dev.ftpkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class ExtendedAddressTest {

    @Test
    void rfc2428Ipv4Example() throws Exception {
        ExtendedAddress a = ExtendedAddress.parseEprtArgument("|1|132.235.1.2|6275|");

        assertThat(a.protocol()).isEqualTo(NetworkProtocol.IPV4);
        assertThat(a.address().getHostAddress()).isEqualTo("132.235.1.2");
        assertThat(a.port()).isEqualTo(6275);
        assertThat(a.toEprtArgument()).isEqualTo("|1|132.235.1.2|6275|");
    }

    @Test
    void rfc2428Ipv6Example() throws Exception {
        ExtendedAddress a = ExtendedAddress.parseEprtArgument("|2|1080::8:800:200C:417A|5282|");

        assertThat(a.protocol()).isEqualTo(NetworkProtocol.IPV6);
        assertThat(a.address()).isEqualTo(InetAddress.getByName("1080::8:800:200C:417A"));
        assertThat(a.port()).isEqualTo(5282);
        assertThat(a.toEprtArgument()).isEqualTo("|2|1080:0:0:0:8:800:200c:417a|5282|");
    }

    @Test
    void anyPrintableDelimiterIsAccepted() throws Exception {
        assertThat(ExtendedAddress.parseEprtArgument("!1!127.0.0.1!21!").port()).isEqualTo(21);
        assertThat(ExtendedAddress.parseEprtArgument("#2#::1#2121#").address()).isEqualTo(InetAddress.getByName("::1"));
    }

    @Test
    void ipv6LiteralFormsAreParsedWithoutDns() throws Exception {
        for (String literal : new String[] {"::", "::1", "1::", "fe80::1:2", "1:2:3:4:5:6:7:8", "::ffff:1.2.3.4",
            "64:ff9b::192.0.2.33", "1:2:3:4:5:6:1.2.3.4"}) {
            ExtendedAddress a = ExtendedAddress.parseEprtArgument("|2|" + literal + "|1|");
            assertThat(a.address()).as(literal).isInstanceOf(Inet6Address.class);
            byte[] jdk = InetAddress.getByName(literal).getAddress(); // a literal: no DNS
            byte[] ours = a.address().getAddress();
            // the JDK turns ::ffff:a.b.c.d into an Inet4Address; EPRT |2| keeps it IPv6
            assertThat(java.util.Arrays.copyOfRange(ours, 16 - jdk.length, 16)).as(literal).isEqualTo(jdk);
        }
    }

    @Test
    void unknownProtocolNumberIsReportedAsUnsupported() {
        assertThatThrownBy(() -> ExtendedAddress.parseEprtArgument("|3|1.2.3.4|21|"))
                .isInstanceOfSatisfying(UnsupportedNetworkProtocolException.class,
                        e -> assertThat(e.protocolNumber()).isEqualTo(3))
                .hasMessageContaining("not supported");
    }

    @Test
    void malformedArgumentsAreRefusedWithoutDnsLookups() {
        for (String bad : new String[] {"", "|1|1.2.3.4|21", "|1|1.2.3.4|21|x", "|1|example.com|21|",
            "|2|1.2.3.4|21|", "|1|::1|21|", "|1|1.2.3.4|65536|", "|1|1.2.3.4||", "|x|1.2.3.4|21|",
            " 1|1.2.3.4|21|", "|2|1:::2|21|", "|2|1:2:3:4:5:6:7:8:9|21|", "|2|fe80::1%eth0|21|",
            "|2|12345::|21|", "|2|::g|21|", "|1|1.2.3.4.5|21|", "|1|1.2.3|21|", "\u00e9|1|1.2.3.4|21|",
            ".1.1.2.3.4.21.", "|2|1::2::3|21|", "|2|:1::2|21|", "|2|1:2:3:4:5:6:7::8:9|21|"}) {
            assertThatThrownBy(() -> ExtendedAddress.parseEprtArgument(bad))
                    .as(bad).isInstanceOf(FtpProtocolException.class);
        }
    }

    @Test
    void addressMustMatchProtocol() throws Exception {
        InetAddress v4 = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});

        assertThatThrownBy(() -> new ExtendedAddress(NetworkProtocol.IPV6, v4, 21))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ExtendedAddress.of(v4, 21).protocol()).isEqualTo(NetworkProtocol.IPV4);
    }

    @Test
    void scopedIpv6AddressIsFormattedWithoutZone() throws Exception {
        InetAddress scoped = Inet6Address.getByAddress(null,
                InetAddress.getByName("fe80::1").getAddress(), 3);

        assertThat(ExtendedAddress.of(scoped, 21).toEprtArgument()).isEqualTo("|2|fe80:0:0:0:0:0:0:1|21|");
    }
}
