// The cloud probes against real sockets on this machine: an https server with a certificate
// made by `openssl req -x509` for this test (node:crypto cannot make X.509 certificates), an
// http server with a fake Date header, a closed port, and localhost's name lookup.
import test from 'ava';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { cloudClockProbe, clockSkewSeconds } from '../../../src/device/diagnostics/probes/cloud-clock.ts';
import { cloudDnsProbe } from '../../../src/device/diagnostics/probes/cloud-dns.ts';
import { cloudHttpProbe } from '../../../src/device/diagnostics/probes/cloud-http.ts';
import { cloudTcpProbe } from '../../../src/device/diagnostics/probes/cloud-tcp.ts';
import { cloudTlsProbe } from '../../../src/device/diagnostics/probes/cloud-tls.ts';
import type { Probe } from '../../../src/device/diagnostics/types.ts';
import { checkOf, runProbes, tempFolder, testSetup } from './helpers.ts';

const CLOUD: Probe[] = [cloudDnsProbe, cloudTcpProbe, cloudTlsProbe, cloudHttpProbe, cloudClockProbe];
const DAY_MS = 86_400_000;

function opensslAvailable(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const OPENSSL = opensslAvailable();
const tlsTest = OPENSSL ? test : test.skip;
if (!OPENSSL) console.log('TLS expiry tests skipped: no `openssl` on PATH to make a self-signed certificate');

/** A self-signed P-256 certificate for `cn` valid `days` days from now, made by openssl. */
function certificate(days: number, cn = 'localhost'): { key: string; cert: string } {
  const dir = tempFolder('yaoli-doctor-tls-');
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', cert, '-days', String(days), '-subj', `/O=yaoli test CA/CN=${cn}`, '-addext', `subjectAltName=DNS:${cn},IP:127.0.0.1`],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') };
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

async function httpsServer(days: number, cn = 'localhost'): Promise<{ url: string; cert: string; server: Server }> {
  const { key, cert } = certificate(days, cn);
  const server = createHttpsServer({ key, cert }, (_request, response) => response.end('ok'));
  const port = await listen(server);
  return { url: `https://127.0.0.1:${port}/`, cert, server };
}

tlsTest('TLS: a trusted certificate with a year left PASSes with its days to expiry; DNS, TCP, HTTP pass too', async (t) => {
  const { url, cert, server } = await httpsServer(365);
  t.teardown(() => close(server));
  const checks = await runProbes(CLOUD, testSetup({ cloudUrl: url, ca: cert }));
  const tls = checkOf(checks, 'cloud.tls');
  t.is(tls.status, 'PASS', tls.detail.en);
  t.true((tls.data?.['daysLeft'] as number) >= 363 && (tls.data?.['daysLeft'] as number) <= 365);
  t.regex(tls.detail.en, /days left/);
  t.is(checkOf(checks, 'cloud.dns').status, 'PASS');
  t.is(checkOf(checks, 'cloud.tcp').status, 'PASS');
  t.is(checkOf(checks, 'cloud.http').status, 'PASS');
  t.is(checkOf(checks, 'cloud.http').data?.['httpStatus'], 200);
});

tlsTest('TLS: under 30 days left is a WARN', async (t) => {
  const { url, cert, server } = await httpsServer(10);
  t.teardown(() => close(server));
  const tls = checkOf(await runProbes(CLOUD, testSetup({ cloudUrl: url, ca: cert })), 'cloud.tls');
  t.is(tls.status, 'WARN', tls.detail.en);
  t.true((tls.data?.['daysLeft'] as number) <= 10);
});

tlsTest('TLS: expired by the injected clock is a FAIL', async (t) => {
  const { url, cert, server } = await httpsServer(365);
  t.teardown(() => close(server));
  const later = new Date(Date.now() + 400 * DAY_MS);
  const tls = checkOf(await runProbes(CLOUD, testSetup({ cloudUrl: url, ca: cert }), { clock: () => later }), 'cloud.tls');
  t.is(tls.status, 'FAIL');
  t.regex(tls.detail.en, /expired on/);
  t.true((tls.data?.['daysLeft'] as number) < 0);
});

tlsTest('TLS: an untrusted self-signed certificate is a FAIL naming the reason', async (t) => {
  const { url, server } = await httpsServer(365);
  t.teardown(() => close(server));
  const tls = checkOf(await runProbes(CLOUD, testSetup({ cloudUrl: url })), 'cloud.tls');
  t.is(tls.status, 'FAIL');
  t.regex(tls.detail.en, /not trusted: .*SELF_SIGNED/);
});

tlsTest('TLS: a certificate for another host name is a FAIL', async (t) => {
  const { cert, server } = await httpsServer(365, 'other.example');
  t.teardown(() => close(server));
  const port = (server.address() as AddressInfo).port;
  const tls = checkOf(await runProbes(CLOUD, testSetup({ cloudUrl: `https://localhost:${port}/`, ca: cert })), 'cloud.tls');
  t.is(tls.status, 'FAIL');
  t.regex(tls.detail.en, /not for localhost/);
});

async function dateServer(offsetMs: number, base: Date, status = 200): Promise<{ url: string; server: Server }> {
  const server = createHttpServer((_request, response) => {
    response.setHeader('Date', new Date(base.getTime() + offsetMs).toUTCString());
    response.statusCode = status;
    response.end('{}');
  });
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}/__sim/health`, server };
}

const BASE = new Date('2026-11-23T02:00:00.000Z');

for (const [offsetSeconds, expected] of [
  [10, 'PASS'],
  [-90, 'WARN'],
  [120, 'WARN'],
  [400, 'FAIL'],
  [-3600, 'FAIL'],
] as const) {
  test(`clock skew: server ${offsetSeconds > 0 ? 'ahead' : 'behind'} by ${Math.abs(offsetSeconds)} s → ${expected}`, async (t) => {
    const { url, server } = await dateServer(offsetSeconds * 1000, BASE);
    t.teardown(() => close(server));
    const checks = await runProbes(CLOUD, testSetup({ cloudUrl: url }), { clock: () => BASE });
    const clock = checkOf(checks, 'cloud.clock');
    t.is(clock.status, expected, clock.detail.en);
    // Our clock is BASE; the server's is BASE + offset (+0.5 s for the truncated header).
    t.is(clock.data?.['skewSeconds'], Math.round(-offsetSeconds - 0.5));
    t.is(checkOf(checks, 'cloud.tls').status, 'SKIP', 'plain http to 127.0.0.1 has no TLS to check');
  });
}

test('clockSkewSeconds compares the middle of the round trip with the middle of the Date second', (t) => {
  const sent = new Date('2026-11-23T02:00:00.000Z');
  const received = new Date('2026-11-23T02:00:02.000Z');
  t.is(clockSkewSeconds(new Date('2026-11-23T02:00:00.000Z'), sent, received), 0.5);
  t.is(clockSkewSeconds(new Date('2026-11-23T01:59:00.000Z'), sent, received), 60.5);
});

test('HTTP: a 5xx answer is a WARN (the path works, the server does not)', async (t) => {
  const { url, server } = await dateServer(0, new Date(), 503);
  t.teardown(() => close(server));
  const http = checkOf(await runProbes(CLOUD, testSetup({ cloudUrl: url })), 'cloud.http');
  t.is(http.status, 'WARN');
  t.regex(http.detail.en, /503/);
});

test('TCP: a closed port is FAIL with NHI 4061 and the HTTP and clock checks are skipped', async (t) => {
  const probe = createHttpServer();
  const port = await listen(probe);
  await close(probe); // now nothing listens there
  const checks = await runProbes(CLOUD, testSetup({ cloudUrl: `http://127.0.0.1:${port}/` }));
  const tcp = checkOf(checks, 'cloud.tcp');
  t.is(tcp.status, 'FAIL');
  t.is(tcp.nhiCode, '4061');
  t.is(tcp.data?.['code'], 'ECONNREFUSED');
  t.regex(tcp.hint['zh-TW'], /網路線/);
  t.is(checkOf(checks, 'cloud.http').status, 'SKIP');
  t.is(checkOf(checks, 'cloud.clock').status, 'SKIP');
});

test('DNS: localhost resolves to a loopback address', async (t) => {
  const dns = checkOf(await runProbes([cloudDnsProbe], testSetup({ cloudUrl: 'https://localhost:9/' })), 'cloud.dns');
  t.is(dns.status, 'PASS');
  t.true((dns.data?.['addresses'] as string[]).some((a) => a === '127.0.0.1' || a === '::1'));
});

test('DNS: a name under .invalid (RFC 6761, never resolves) is FAIL with 4061', async (t) => {
  const dns = checkOf(await runProbes([cloudDnsProbe], testSetup({ cloudUrl: 'https://medicloud.invalid/' })), 'cloud.dns');
  t.is(dns.status, 'FAIL');
  t.is(dns.nhiCode, '4061');
});

test('no cloud URL: every network check is SKIP with the reason; a non-http URL is a FAIL', async (t) => {
  const checks = await runProbes(CLOUD, testSetup({ cloudUrl: null }));
  for (const check of checks.values()) {
    t.is(check.status, 'SKIP', check.id);
    t.regex(check.detail.en, /embedded simulator is not a network endpoint/);
  }
  const ftp = checkOf(await runProbes(CLOUD, testSetup({ cloudUrl: 'ftp://example.org/' })), 'cloud.dns');
  t.is(ftp.status, 'FAIL');
});
