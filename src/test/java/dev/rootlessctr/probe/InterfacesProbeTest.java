package dev.rootlessctr.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * interfaces against /proc/PID/net tables recorded from a runc 1.1.5 container with a network
 * namespace, before and after slirp4netns 1.2.0 --configure, and against broken ones.
 */
class InterfacesProbeTest {

  static final long PID = 6803; // the pid in runc-1.1.5-state-running.json

  @TempDir Path temp;
  ProbeLab lab;
  Path net;

  @BeforeEach
  void setUp() throws IOException {
    lab = new ProbeLab(temp);
    net = Files.createDirectories(lab.proc.resolve(PID + "/net"));
    Files.createDirectories(lab.runcRoot.resolve("c1"));
    lab.runc.answer(
        List.of("state", "c1"), 0, FakeRunc.recorded("runc-1.1.5-state-running.json"), "");
  }

  ProbeResult run(String dev, String route) throws IOException {
    ProbeLab.write(net.resolve("dev"), dev);
    ProbeLab.write(net.resolve("route"), route);
    return lab.run(lab.probes().get("interfaces"), "c1");
  }

  @Test
  void aNamespaceOfItsOwnHasOnlyLoopbackAndNoRoute() throws IOException {
    ProbeResult result =
        run(
            FakeRunc.recorded("proc-net-dev-lo-only.txt"),
            FakeRunc.recorded("proc-net-route-empty.txt"));

    assertTrue(result.passed(), result.actual());
    assertEquals("lo", result.values().get("names"));
    assertEquals("1", result.values().get("count"));
    assertEquals("none", result.values().get("defaultGateway"));
    assertEquals("none", result.values().get("defaultInterface"));
    assertEquals(Long.toString(PID), result.values().get("processId"));
    assertTrue(result.actual().contains("no default route"), result.actual());
  }

  @Test
  void slirp4netnsAddsTap0AndADefaultRouteThroughItsGateway() throws IOException {
    ProbeResult result =
        run(
            FakeRunc.recorded("proc-net-dev-slirp4netns.txt"),
            FakeRunc.recorded("proc-net-route-slirp4netns.txt"));

    assertTrue(result.passed(), result.actual());
    assertEquals("lo, tap0", result.values().get("names"));
    assertEquals("2", result.values().get("count"));
    // The recording is from a little-endian host, where the kernel prints 10.0.2.2 as 0202000A.
    if (ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN) {
      assertEquals("10.0.2.2", result.values().get("defaultGateway"));
    }
    assertEquals("tap0", result.values().get("defaultInterface"));
    assertTrue(result.actual().contains("out of tap0"), result.actual());
  }

  @Test
  void aNamedInterfacePassesOnlyWhenTheNamespaceHasIt() throws IOException {
    ProbeLab.write(net.resolve("dev"), FakeRunc.recorded("proc-net-dev-lo-only.txt"));
    ProbeLab.write(net.resolve("route"), FakeRunc.recorded("proc-net-route-empty.txt"));
    Probe probe = lab.probes().get("interfaces");

    ProbeResult missing = lab.run(probe, "c1", "tap0");
    ProbeLab.write(net.resolve("dev"), FakeRunc.recorded("proc-net-dev-slirp4netns.txt"));
    ProbeResult there = lab.run(probe, "c1", "tap0");

    assertFalse(missing.passed());
    assertEquals("container c1 (pid 6803) has no interface tap0; it sees lo", missing.actual());
    assertTrue(there.passed(), there.actual());
  }

  @Test
  void aGatewayIsDecodedInTheHostsByteOrder() {
    int asTheKernelPrintsIt =
        ByteBuffer.wrap(new byte[] {10, 0, 2, 2}).order(ByteOrder.nativeOrder()).getInt();

    assertEquals("10.0.2.2", NetInterfaces.dotted(asTheKernelPrintsIt));
  }

  @Test
  void aRouteWithoutTheGatewayFlagHasNoGateway() throws IOException {
    ProbeResult result =
        run(
            FakeRunc.recorded("proc-net-dev-slirp4netns.txt"),
            "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n"
                + "tap0\t00000000\t00000000\t0001\t0\t0\t0\t00000000\t0\t0\t0\n");

    assertTrue(result.passed(), result.actual());
    assertEquals("none", result.values().get("defaultGateway"));
    assertEquals("tap0", result.values().get("defaultInterface"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "garbage\n",
        "Inter-|   Receive\n face |bytes\n  no colon here 1 2 3\n",
        "Inter-|   Receive\n face |bytes\n    : 0 0 0\n",
        "Inter-|   Receive\n"
      })
  void aBrokenDevTableFailsWithWhatIsWrong(String dev) throws IOException {
    ProbeResult result = run(dev, FakeRunc.recorded("proc-net-route-empty.txt"));

    assertFalse(result.passed());
    assertTrue(result.actual().contains(net.resolve("dev").toString()), result.actual());
    assertTrue(result.values().isEmpty());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "Destination Gateway\n",
        "Iface\tDestination\n tap0\t00000000\n",
        "Iface\tDestination\ntap0\tZZZZZZZZ\t0202000A\t0003\t0\t0\t0\t00000000\t0\t0\t0\n",
        "Iface\tDestination\ntap0\t000000000000\t0202000A\t0003\t0\t0\t0\t00000000\t0\t0\t0\n",
        "Iface\tDestination\ntap0\t00000000\t0202000A\t-1\t0\t0\t0\t00000000\t0\t0\t0\n"
      })
  void aBrokenRouteTableFailsWithTheLineThatIsWrong(String route) throws IOException {
    ProbeResult result = run(FakeRunc.recorded("proc-net-dev-slirp4netns.txt"), route);

    assertFalse(result.passed());
    assertTrue(result.actual().contains(net.resolve("route").toString()), result.actual());
  }

  @Test
  void aTableThatIsNotTextFailsPlainly() throws IOException {
    Files.write(net.resolve("dev"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
    ProbeLab.write(net.resolve("route"), FakeRunc.recorded("proc-net-route-empty.txt"));

    ProbeResult result = lab.run(lab.probes().get("interfaces"), "c1");

    assertFalse(result.passed());
    assertTrue(result.actual().contains("not text"), result.actual());
  }

  @Test
  void aProcessWithoutNetTablesIsReportedGone() throws IOException {
    ProbeResult result = lab.run(lab.probes().get("interfaces"), "c1");

    assertFalse(result.passed());
    assertTrue(result.actual().contains("does not exist"), result.actual());
  }

  @Test
  void aContainerThatIsNotRunningHasNothingToLookAt() throws IOException {
    ProbeResult result = lab.run(lab.probes().get("interfaces"), "4242");

    assertFalse(result.passed());
    assertTrue(result.actual().contains("not running"), result.actual());
    assertEquals(Map.of(), result.values());
  }
}
