/** A grant's optional parts, from a register record: planned dates, where it benefits, its programme. */
import { isoDate } from '../../checks/dates';
import type { Borough } from '../../model/types';
import type { RegisterRecord } from '../register-records';
import type { Giving360Event, Giving360GrantProgramme, Giving360Location } from './types';

export function plannedDates(record: RegisterRecord): { plannedDates?: readonly Giving360Event[] } {
  const duration = durationMonths(record.plannedDuration);
  if (!record.startDate && !record.endDate && duration === undefined) return {};
  const event: Giving360Event = {
    ...(record.startDate ? { startDate: isoDate(record.startDate) } : {}),
    ...(record.endDate ? { endDate: isoDate(record.endDate) } : {}),
    ...(duration !== undefined ? { duration } : {}),
  };
  return { plannedDates: [event] };
}

/**
 * A duration in months as the schema types it, a JSON number. Only plain figures ("12", "6.5") are
 * read: text such as "about a year" is not a number of months.
 */
function durationMonths(written: string | undefined): number | undefined {
  const text = written?.trim();
  return text !== undefined && /^\d{1,4}(?:\.\d{1,2})?$/.test(text) ? Number(text) : undefined;
}

/**
 * Where the grant benefits: the location the register writes (360Giving's "Beneficiary Location:" columns),
 * else the London borough its borough column or its recipient names, with the borough's ONS code.
 */
export function beneficiaryLocation(
  record: RegisterRecord,
  resolveBorough: (name: string) => Borough | undefined,
): { beneficiaryLocation?: readonly Giving360Location[] } {
  if (record.locationName || record.locationGeoCode) {
    const written: Giving360Location = {
      ...(record.locationName ? { name: record.locationName } : {}),
      ...(record.locationCountryCode ? { countryCode: record.locationCountryCode } : {}),
      ...(record.locationGeoCode ? { geoCode: record.locationGeoCode } : {}),
      ...(record.locationGeoCodeType ? { geoCodeType: record.locationGeoCodeType } : {}),
    };
    return { beneficiaryLocation: [written] };
  }
  const borough = (record.borough ? resolveBorough(record.borough) : undefined) ?? (record.recipient ? resolveBorough(record.recipient) : undefined);
  return borough ? { beneficiaryLocation: [{ name: borough.name, countryCode: 'GB', geoCode: borough.gss, geoCodeType: 'LONB' }] } : {};
}

export function grantProgramme(record: RegisterRecord): { grantProgramme?: readonly Giving360GrantProgramme[] } {
  if (!record.programmeCode && !record.programmeTitle) return {};
  return {
    grantProgramme: [
      {
        ...(record.programmeCode ? { code: record.programmeCode } : {}),
        ...(record.programmeTitle ? { title: record.programmeTitle } : {}),
      },
    ],
  };
}
