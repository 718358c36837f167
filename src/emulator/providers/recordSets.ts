import { resourceNotFoundById } from "../armError.js";
import type { Route } from "../context.js";
import { copy, listAnswer } from "./common.js";
import { privateDnsZoneType, recordSetsOf } from "./dnsRecords.js";
import { requireZone } from "./privateDnsZones.js";

const zone =
  "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/privateDnsZones/{privateZoneName}";

/**
 * Record sets of a private zone, read-only: the A records zone groups write and the zone's SOA
 * record (`…/ALL`, `…/{recordType}`, `…/{recordType}/{name}`).
 */
export const recordSetRoutes: Route[] = [
  {
    method: "GET",
    pattern: `${zone}/ALL`,
    handle: (ctx, p) =>
      listAnswer(recordSetsOf(ctx.state, requireZone(ctx, p).id).map((r) => copy(r.body))),
  },
  {
    method: "GET",
    pattern: `${zone}/{recordType}`,
    handle: (ctx, p) => {
      const wanted = `${privateDnsZoneType}/${p.recordType}`.toLowerCase();
      const records = recordSetsOf(ctx.state, requireZone(ctx, p).id).filter(
        (r) => r.type.toLowerCase() === wanted,
      );
      return listAnswer(records.map((r) => copy(r.body)));
    },
  },
  {
    method: "GET",
    pattern: `${zone}/{recordType}/{relativeRecordSetName}`,
    handle: (ctx, p) => {
      const id = `${requireZone(ctx, p).id}/${p.recordType}/${p.relativeRecordSetName}`;
      const record = ctx.state.store.get(id);
      if (!record) throw resourceNotFoundById(id);
      return { status: 200, body: copy(record.body) };
    },
  },
];
