/** The parts of the 360Giving Data Standard (1.4.3) the export writes: one grant and a package of grants. */

export interface Giving360Organization {
  readonly id: string;
  readonly name: string;
  /** As the register writes them, beside the org-id they may have given. */
  readonly charityNumber?: string;
  readonly companyNumber?: string;
}

export interface Giving360Event {
  /** yyyy-mm-dd */
  readonly startDate?: string;
  readonly endDate?: string;
  /** Months. */
  readonly duration?: number;
}

export interface Giving360GrantProgramme {
  readonly code?: string;
  readonly title?: string;
}

export interface Giving360Location {
  readonly name?: string;
  readonly countryCode?: string;
  /** ONS GSS code, such as E09000022 for Lambeth. */
  readonly geoCode?: string;
  /** From the geoCodeType codelist: LONB for London boroughs. */
  readonly geoCodeType?: string;
}

export interface Giving360Grant {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly currency: 'GBP';
  /** A JSON number, as the schema demands: pounds to at most two decimals. */
  readonly amountAwarded: number;
  /** yyyy-mm-dd */
  readonly awardDate: string;
  readonly plannedDates?: readonly Giving360Event[];
  readonly recipientOrganization: readonly Giving360Organization[];
  readonly fundingOrganization: readonly Giving360Organization[];
  readonly beneficiaryLocation?: readonly Giving360Location[];
  readonly grantProgramme?: readonly Giving360GrantProgramme[];
  readonly dataSource?: string;
}

export interface Giving360Package {
  /** The standard's major.minor version. */
  readonly version: string;
  readonly title: string;
  readonly description: string;
  /** yyyy-mm-dd */
  readonly issued: string;
  /** Absent when neither the caller nor the grants name one publisher. */
  readonly publisher?: { readonly name: string; readonly identifier: string };
  readonly grants: readonly Giving360Grant[];
}
