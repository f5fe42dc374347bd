/** A 360Giving data package: the grants with the package metadata publishers are asked to give. */
import { isoDate } from '../../checks/dates';
import type { CommissioningModel } from '../../model/types';
import type { Giving360Conversion } from './convert';
import type { Giving360Package } from './types';

/** The standard's version these grants follow, as the package schema wants it: major.minor. */
export const GIVING360_VERSION = '1.4';

export function giving360Package(conversion: Giving360Conversion, model: CommissioningModel, issued: Date): Giving360Package {
  const name = model.organisation.name;
  return {
    version: GIVING360_VERSION,
    title: `${name}: contracts and grants register`,
    description: `Contracts and grants awarded by ${name}, from its Contracts and Grants Register, in the 360Giving Data Standard.`,
    issued: isoDate(issued),
    publisher: { name, identifier: conversion.funder.id },
    grants: conversion.grants,
  };
}

export function giving360Json(pkg: Giving360Package): string {
  return `${JSON.stringify(pkg, null, 2)}\n`;
}
