import type { z } from 'zod';
import { statusCounts } from '../../../contract/complaints.ts';
import {
  addressLookupResult,
  housingComplex,
  pageOf,
  person,
  unit,
} from '../../../contract/reference-data.ts';
import { api } from '../../lib/api-client.ts';
import { type ListParams, toSearch } from './complaint-list-api.ts';

const personPage = pageOf(person, 'PersonPage');
const unitPage = pageOf(unit, 'UnitPage');
const complexPage = pageOf(housingComplex, 'HousingComplexPage');

export const fetchPerson = (id: string) => api.get(`/api/persons/${id}`, { schema: person });
export const fetchUnit = (id: string) => api.get(`/api/units/${id}`, { schema: unit });
export const fetchComplex = (id: string) =>
  api.get(`/api/housing-complexes/${id}`, { schema: housingComplex });

export const searchPersons = (params: ListParams) =>
  api.get(`/api/persons${toSearch(params)}`, { schema: personPage });
export const searchUnits = (params: ListParams) =>
  api.get(`/api/units${toSearch(params)}`, { schema: unitPage });
export const searchComplexes = (params: ListParams) =>
  api.get(`/api/housing-complexes${toSearch(params)}`, { schema: complexPage });

/** Issue 22: the units at a postcode and house number (+ addition). */
export const lookUpAddress = (address: { postcode: string; houseNumber: string; addition: string }) =>
  api.get(
    `/api/address-lookup?${new URLSearchParams({
      postcode: address.postcode,
      houseNumber: address.houseNumber,
      ...(address.addition ? { addition: address.addition } : {}),
    })}`,
    { schema: addressLookupResult },
  );

export const fetchComplaintCounts = (params: ListParams) =>
  api.get(`/api/complaints/counts${toSearch(params)}`, { schema: statusCounts });

export type UnitAddress = Pick<
  z.infer<typeof unit>,
  'street' | 'houseNumber' | 'houseNumberAddition' | 'postcode' | 'place'
>;

/** "Hofweg 12A, 3155 AB Maasland" */
export function formatAddress(u: UnitAddress): string {
  const postcode = u.postcode.length === 6 ? `${u.postcode.slice(0, 4)} ${u.postcode.slice(4)}` : u.postcode;
  return `${u.street} ${u.houseNumber}${u.houseNumberAddition ?? ''}, ${postcode} ${u.place}`;
}
