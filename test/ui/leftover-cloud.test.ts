// The 餘藥 tab's cloud column and `yaoli analyze` pair a group with the same cloud row.
import test from 'ava';
import type { CloudGroupLeftover } from '../../src/core/domain/types.ts';
import type { GroupLeftover } from '../../src/core/domain/group-leftover.ts';
import { cloudLeftoverFor } from '../../src/commands/analyze/json.ts';
import { leftoverRows } from '../../src/ui/tabs/other-columns.ts';

function cloudRow(dosageFormText: string, leftoverDays: number): CloudGroupLeftover {
  return { groupCode: 'C08NIF41212', atc5Name: '', ingredient: 'NIFEDIPINE', dosageFormText, lastDispensed: '2025-11-01', daysSupply: 28, supplyEnd: '2025-11-28', leftoverDays, institutionId: null };
}

test('the kiosk column and `yaoli analyze` show the same cloud value for a group', (t) => {
  const cloud = [cloudRow('一般錠劑膠囊劑', 0), cloudRow('緩釋錠劑膠囊劑', 22)];
  const group = { key: 'NIFEDIPINE|oral', ingredient: 'NIFEDIPINE', dosageForm: 'oral' } as GroupLeftover;
  t.is(leftoverRows([group], cloud)[0]?.cloud?.leftoverDays, 22);
  t.is(cloudLeftoverFor(group, cloud), 22);
});
