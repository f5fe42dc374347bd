/** A 360Giving data package: the grants with the package metadata publishers are asked to give. */
import { isoDate } from '../../checks/dates';
import type { Giving360Conversion } from './convert';
import type { Giving360Organization, Giving360Package } from './types';

/** The standard's version these grants follow, as the package schema wants it: major.minor. */
const GIVING360_VERSION = '1.4';

export function giving360Package(conversion: Giving360Conversion, issued: Date): Giving360Package {
  const publisher = publisherOf(conversion);
  const name = publisher?.name;
  return {
    version: GIVING360_VERSION,
    title: name ? `${name}: contracts and grants register` : 'Contracts and grants register',
    description: `Contracts and grants awarded${name ? ` by ${name}` : ''}, from its Contracts and Grants Register, in the 360Giving Data Standard.`,
    issued: isoDate(issued),
    ...(publisher ? { publisher: { name: publisher.name, identifier: publisher.id } } : {}),
    grants: conversion.grants,
  };
}

/**
 * Who publishes the grants: the one funding organisation they all name (a register in 360Giving's layout
 * names its own), else the funder the caller gave, else nobody the export can name.
 */
function publisherOf(conversion: Giving360Conversion): Giving360Organization | undefined {
  if (conversion.funders.length === 1) return conversion.funders[0];
  return conversion.funder;
}

export function giving360Json(pkg: Giving360Package): string {
  return `${JSON.stringify(pkg, null, 2)}\n`;
}
