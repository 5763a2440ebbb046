// The MediCloud simulator: node:http on 127.0.0.1 speaking the real endpoint paths, envelope
// and field names (research anchors 1(b)) over the demo deck's synthetic patients, with the
// three-card login of docs/medicloud-sim.md, an in-memory NHI query log and injectable faults.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { addDays, daysBetween, isIsoDate, taipeiDateOf } from '../core/domain/dates.ts';
import type { IsoDate } from '../core/domain/types.ts';
import { DEFAULT_DEMO_SEED, type DemoDeck } from '../demo/deck.ts';
import { createDataset, type SimDataset } from './data/dataset.ts';
import { DATA_ENDPOINT_IDS, endpointOfPath, isDataEndpoint, type DataEndpointId, type EndpointId } from './endpoints.ts';
import { createFaultRegistry, FaultSpecError, type ActiveFault, type FaultRegistry } from './faults.ts';
import { verifyJwt } from './jwt.ts';
import { verifyThreeCards } from './login.ts';
import { createQueryLog, type QueryLog } from './query-log.ts';
import { malformedBody, readBody, sendJson, taipeiTimestamp } from './respond.ts';
import { registerDeckKeys, type KeyRegistry } from './signatures.ts';
import { activeAlert, careListCheck } from './web-apis.ts';

export interface SimulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  seed?: number;
  /** The data set's "today"; default: the Asia/Taipei date of the clock at start. */
  today?: IsoDate;
  clock?: () => Date;
  /** Token lifetime; default 20 minutes. */
  tokenLifetimeSeconds?: number;
}

export interface RunningSimulator {
  url: string;
  port: number;
  seed: number;
  today: IsoDate;
  deck: DemoDeck;
  dataset: SimDataset;
  faults: FaultRegistry;
  queryLog: QueryLog;
  /** The day the cloud computes drug_left against: `today` moved on by the clock since start. */
  queryDate(): IsoDate;
  /**
   * NHI's 機構使用者 list, as the 機構管理者 sets it on the VPN site: whether a deck staff member
   * may log in (403 otherwise). False for a staff ID the deck does not have.
   */
  setStaffAuthorized(staffId: string, authorized: boolean): boolean;
  close(): Promise<void>;
}

const CLI_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const clock = options.clock ?? (() => new Date());
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const startDay = taipeiDateOf(clock());
  const today = options.today ?? startDay;
  if (!isIsoDate(today)) throw new RangeError(`today 必須是 YYYY-MM-DD / today must be YYYY-MM-DD: ${today}`);
  const dataset = createDataset({ seed, today });
  // Warm the generator and renderers once, so the first login of a test run is as quick as the rest.
  const first = dataset.deck.patients[0];
  if (first) for (const endpoint of DATA_ENDPOINT_IDS) dataset.payload(endpoint, first, today);
  const keys = registerDeckKeys(dataset.deck);
  const secret = createHash('sha256').update(`yaoli-sim-jwt:${seed}`).digest();
  const faults = createFaultRegistry();
  const queryLog = createQueryLog();
  const lifetime = options.tokenLifetimeSeconds ?? 20 * 60;
  const queryDate = (): IsoDate => addDays(today, daysBetween(startDay, taipeiDateOf(clock())));
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let auditCounter = 0;
  let baseUrl = '';

  const ctx: HandlerContext = { dataset, keys, secret, faults, queryLog, lifetime, clock, queryDate, seed, today, baseUrl: () => baseUrl, auditSeq: () => `${queryDate().replaceAll('-', '')}${String(++auditCounter).padStart(8, '0')}`, delay };

  function delay(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });
  }

  const server = createServer((req, res) => {
    res.setHeader('Date', clock().toUTCString());
    handle(req, res, ctx).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { rtnCode: 'SIM_ERROR', message: error instanceof Error ? error.message : String(error) });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  baseUrl = `http://${host}:${address.port}`;

  return {
    url: baseUrl,
    port: address.port,
    seed,
    today,
    deck: dataset.deck,
    dataset,
    faults,
    queryLog,
    queryDate,
    setStaffAuthorized(staffId, authorized) {
      const member = dataset.deck.staff.find((s) => s.staffId === staffId);
      if (member) member.authorized = authorized;
      return member !== undefined;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        // Keep-alive and hung connections would hold close() open: end them now.
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      }),
  };
}

interface HandlerContext {
  dataset: SimDataset;
  keys: KeyRegistry;
  secret: Buffer;
  faults: FaultRegistry;
  queryLog: QueryLog;
  lifetime: number;
  clock: () => Date;
  queryDate: () => IsoDate;
  seed: number;
  today: IsoDate;
  baseUrl: () => string;
  auditSeq: () => string;
  delay: (ms: number) => Promise<void>;
}

async function handle(req: IncomingMessage, res: ServerResponse, ctx: HandlerContext): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://simulator');
  if (url.pathname.startsWith('/__sim/')) return admin(req, res, url, ctx);
  const endpoint = endpointOfPath(url.pathname);
  if (!endpoint) return sendJson(res, 404, { rtnCode: 'NOT_FOUND', message: `沒有這個端點 / no such endpoint: ${url.pathname}` });
  const method = isDataEndpoint(endpoint) ? 'GET' : 'POST';
  if (req.method !== method) return sendJson(res, 405, { rtnCode: 'METHOD', message: `請用 ${method} / use ${method}` });
  const fault = ctx.faults.take(endpoint);
  if (fault?.latencyMs) await ctx.delay(fault.latencyMs);
  if (fault?.hang) return; // no answer: the client's timeout (or close()) ends it
  if (fault?.status !== undefined) {
    return sendJson(res, fault.status, { rtnCode: `HTTP${fault.status}`, message: '模擬的伺服器錯誤 / simulated server error' });
  }
  if (isDataEndpoint(endpoint)) return dataEndpoint(req, res, url, endpoint, fault, ctx);
  let body: unknown;
  try {
    body = JSON.parse(await readBody(req));
  } catch {
    return sendJson(res, 400, { rtnCode: 'BAD_REQUEST', message: '請求不是有效的 JSON / request body is not valid JSON' });
  }
  const log2time = taipeiTimestamp(ctx.clock());
  if (endpoint === 'verify3cards') {
    const result = verifyThreeCards(body, {
      deck: ctx.dataset.deck,
      keys: ctx.keys,
      secret: ctx.secret,
      nowSeconds: Math.floor(ctx.clock().getTime() / 1000),
      lifetimeSeconds: ctx.lifetime,
      permissionOf: (patient) => ctx.dataset.permissionOf(patient, ctx.queryDate()),
      issueExpired: fault?.expiredToken === true,
    });
    return sendJson(res, result.status, fault?.malformed && result.status === 200 ? malformedBody(log2time) : result.body, fault);
  }
  const webCtx = { dataset: ctx.dataset, keys: ctx.keys, queryDate: ctx.queryDate(), baseUrl: ctx.baseUrl(), auditSeq: ctx.auditSeq };
  const answer = endpoint === 'care-list' ? careListCheck(body, webCtx) : activeAlert(body, webCtx);
  return sendJson(res, 200, fault?.malformed ? malformedBody(log2time) : answer, fault);
}

async function dataEndpoint(req: IncomingMessage, res: ServerResponse, url: URL, endpoint: DataEndpointId, fault: ActiveFault | undefined, ctx: HandlerContext): Promise<void> {
  const now = ctx.clock();
  const auth = req.headers.authorization ?? '';
  const token = /^Bearer\s+(\S+)$/i.exec(auth)?.[1];
  if (!token) return sendJson(res, 401, { rtnCode: 'TOKEN_MISSING', message: '未登入或缺少權杖 / missing bearer token' });
  const check = verifyJwt(token, ctx.secret, Math.floor(now.getTime() / 1000));
  if (!check.ok || fault?.expiredToken) {
    const expired = fault?.expiredToken || (!check.ok && check.reason === 'expired');
    return sendJson(res, 401, expired
      ? { rtnCode: 'TOKEN_EXPIRED', message: '登入逾時，請重新插卡登入 / session expired, log in again' }
      : { rtnCode: 'TOKEN_INVALID', message: '權杖無效 / invalid token' });
  }
  const patient = ctx.dataset.patientById(check.claims.UserID);
  if (!patient) return sendJson(res, 401, { rtnCode: 'TOKEN_INVALID', message: '權杖無效 / invalid token' });
  const cliDatetime = url.searchParams.get('cli_datetime');
  if (cliDatetime !== null && !CLI_DATETIME.test(cliDatetime)) {
    return sendJson(res, 400, { rtnCode: 'BAD_CLI_DATETIME', message: 'cli_datetime 格式須為 yyyy-MM-ddTHH:mm:ss / cli_datetime must be yyyy-MM-ddTHH:mm:ss' });
  }
  const log2time = taipeiTimestamp(now);
  const payload = ctx.dataset.payload(endpoint, patient, ctx.queryDate());
  // s05 has no envelope and s03 is a bare array (anchors 1(b) endpoint map).
  const body = endpoint === 'imue0008s05' || endpoint === 'imue0009s03' ? payload : { log2time, robject: payload };
  if (url.searchParams.get('insert_log') === 'true') {
    ctx.queryLog.append({ at: now.toISOString(), endpoint, patientId: patient.nationalId, staffId: check.claims.StaffID, hospId: check.claims.HospID, cliDatetime, status: 200 });
  }
  return sendJson(res, 200, fault?.malformed ? malformedBody(log2time) : body, fault);
}

async function admin(req: IncomingMessage, res: ServerResponse, url: URL, ctx: HandlerContext): Promise<void> {
  const route = `${req.method ?? 'GET'} ${url.pathname}`;
  switch (route) {
    case 'GET /__sim/health':
      return sendJson(res, 200, { ok: true, seed: ctx.seed, today: ctx.today, queryDate: ctx.queryDate(), patients: ctx.dataset.deck.patients.length });
    case 'GET /__sim/faults':
      return sendJson(res, 200, ctx.faults.list());
    case 'POST /__sim/faults': {
      try {
        return sendJson(res, 201, ctx.faults.add(JSON.parse(await readBody(req)) as never));
      } catch (error) {
        const message = error instanceof FaultSpecError ? error.message : '故障設定不是有效的 JSON / fault is not valid JSON';
        return sendJson(res, 400, { rtnCode: 'BAD_FAULT', message });
      }
    }
    case 'DELETE /__sim/faults':
      ctx.faults.clear();
      return sendJson(res, 200, { ok: true });
    case 'GET /__sim/log':
      return sendJson(res, 200, ctx.queryLog.entries());
    case 'DELETE /__sim/log':
      ctx.queryLog.clear();
      return sendJson(res, 200, { ok: true });
    default:
      return sendJson(res, 404, { rtnCode: 'NOT_FOUND', message: `沒有這個管理端點 / no such admin endpoint: ${route}` });
  }
}

export type { EndpointId };
