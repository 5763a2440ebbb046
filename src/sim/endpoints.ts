// The simulator's routes. Data paths are the real MediCloud 2.0 ones (research anchors 1(b),
// base `/imu/api/`); the endpoint ids are the node names helper C's schemas are keyed by.

export const DATA_ENDPOINTS = {
  imue0008s02: 'imue0008/imue0008s02/get-data', // 西醫用藥紀錄
  imue0008s05: 'imue0008/imue0008s05/get-data', // 慢性處方箋: {chrDataN, chrDataY}, no robject
  imue0120s01: 'imue0120/imue0120s01/pres-med-day', // 門診藥品餘藥日數
  imue0009s02: 'imue0009/imue0009s02/get-data', // 特定管制用藥 detail
  imue0009s03: 'imue0009/imue0009s03/get-data', // 特定管制用藥 monthly summary: bare array
  imue0040s02: 'imue0040/imue0040s02/get-data', // 過敏
  imue2000s01: 'imue2000/imue2000s01/get-summary', // 摘要 / 病人資訊
} as const;

export type DataEndpointId = keyof typeof DATA_ENDPOINTS;

export const DATA_ENDPOINT_IDS = Object.keys(DATA_ENDPOINTS) as DataEndpointId[];

export const API_PREFIX = '/imu/api/';

/** Three-card login (the contract in docs/medicloud-sim.md). */
export const LOGIN_PATH = '/imu/api/imue1000/imue1000s01/verify3cards';

/**
 * The two Web APIs of reference/nhi-controlled-drug-care-list.txt. NHI publishes their
 * field names but not their URLs (the 介接說明書 is behind the VPN), so these paths are ours.
 */
export const CARE_LIST_PATH = '/iwse/api/ies/care-list'; // 保險對象特定醫療資訊查詢作業 Web API
export const ACTIVE_ALERT_PATH = '/imu/api/active-alert'; // 主動提示功能 Web API (oType 10/13)

/** Every id a fault can target. */
export type EndpointId = DataEndpointId | 'verify3cards' | 'care-list' | 'active-alert';

export const ALL_ENDPOINT_IDS: EndpointId[] = [...DATA_ENDPOINT_IDS, 'verify3cards', 'care-list', 'active-alert'];

const BY_PATH = new Map<string, EndpointId>([
  ...DATA_ENDPOINT_IDS.map((id): [string, EndpointId] => [`${API_PREFIX}${DATA_ENDPOINTS[id]}`, id]),
  [LOGIN_PATH, 'verify3cards'],
  [CARE_LIST_PATH, 'care-list'],
  [ACTIVE_ALERT_PATH, 'active-alert'],
]);

export function endpointOfPath(pathname: string): EndpointId | undefined {
  return BY_PATH.get(pathname);
}

export function isDataEndpoint(id: EndpointId): id is DataEndpointId {
  return id in DATA_ENDPOINTS;
}
