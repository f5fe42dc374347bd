import { Money } from '../../../src/money/decimal';
import { GrantIdAllocator } from '../../../src/reports/giving360/identifiers';
import { charityOrgId, companyOrgId, isPublishableOrgId, readWrittenOrgId } from '../../../src/reports/giving360/org-ids';
import { totalsMismatch } from '../../../src/reports/giving360/reconcile';

describe('org-ids a register already gives', () => {
  it.each([
    'GB-CHC-1133079',
    'GB-SC-SC012345',
    'GB-NIC-100002',
    'GB-COH-07597525',
    'GB-LAE-TRF',
    'GB-LAS-EDINBURGH',
    'GB-PLA-E23000005',
    'GB-MPR-12345R',
    'GB-EDU-106343',
    'GB-NHS-RBV',
    'XI-GRID-grid.4464.2',
    'XI-ROR-02jx3x895',
    'US-EIN-123456789',
    '360G-trafford-be_active',
    "360G-trafford-st_hilda's_church_-_esol_groups",
  ])('recognises %s and keeps it as written', (id) => {
    expect(isPublishableOrgId(id)).toBe(true);
    expect(readWrittenOrgId(` ${id} `)).toEqual({ kind: 'recognised', id });
  });

  it('upper-cases a list code written in lower case', () => {
    expect(readWrittenOrgId('gb-chc-1133079')).toEqual({ kind: 'recognised', id: 'GB-CHC-1133079' });
  });

  it("treats an id with no list code as the publisher's own, and a placeholder or blank as none", () => {
    expect(readWrittenOrgId('choir-7')).toEqual({ kind: 'own', id: 'choir-7' });
    expect(readWrittenOrgId('GB-TBC-MOPAC')).toBeUndefined();
    expect(readWrittenOrgId('   ')).toBeUndefined();
    expect(readWrittenOrgId(undefined)).toBeUndefined();
  });
});

describe('org-ids from registered numbers', () => {
  it('gives charities their GB-CHC, GB-SC or GB-NIC id', () => {
    expect(charityOrgId('1133079')).toBe('GB-CHC-1133079');
    expect(charityOrgId(' 1102075-1 ')).toBe('GB-CHC-1102075');
    expect(charityOrgId('sc012345')).toBe('GB-SC-SC012345');
    expect(charityOrgId('NIC100002')).toBe('GB-NIC-100002');
    expect(charityOrgId('exempt')).toBeUndefined();
    expect(charityOrgId('')).toBeUndefined();
  });

  it('gives companies an eight-character GB-COH id, zero-padded', () => {
    expect(companyOrgId('07597525')).toBe('GB-COH-07597525');
    expect(companyOrgId('7597525')).toBe('GB-COH-07597525');
    expect(companyOrgId('SC12345')).toBe('GB-COH-SC012345');
    expect(companyOrgId('oc 300001')).toBe('GB-COH-OC300001');
    expect(companyOrgId('123456789')).toBeUndefined();
    expect(companyOrgId('0')).toBeUndefined();
    expect(companyOrgId('n/a')).toBeUndefined();
  });
});

describe('grant ids a register already gives', () => {
  it('keeps an id that already starts 360G- or with a known list code, never prefixing it again', () => {
    const ids = new GrantIdAllocator('360G-test');
    expect(ids.allocate('360G-traffordmbc-VSG1342', 1)).toEqual({ kind: 'id', id: '360G-traffordmbc-VSG1342', adjusted: false, kept: true });
    expect(ids.allocate('GB-CHC-1133079-2021-1', 2)).toEqual({ kind: 'id', id: 'GB-CHC-1133079-2021-1', adjusted: false, kept: true });
    expect(ids.allocate("360G-x-St Hilda's", 3)).toEqual({ kind: 'id', id: '360G-x-St_Hilda_s', adjusted: true, kept: true });
    // A register's own reference that merely has the org-id shape is the publisher's: it goes under the prefix.
    expect(ids.allocate('CG-2019-001', 4)).toEqual({ kind: 'id', id: '360G-test-CG-2019-001', adjusted: false });
    expect(ids.allocate('360g-traffordmbc-vsg1342', 5)).toEqual({ kind: 'duplicate', firstRow: 1 });
  });
});

describe('totalsMismatch', () => {
  it('accepts totals that reconcile to the penny', () => {
    expect(totalsMismatch({ source: new Money('808690.47'), exported: new Money('808490.47'), skipped: new Money('200') })).toBeUndefined();
  });

  it('refuses an export whose grants and skipped records do not add up to the amounts read, naming each total', () => {
    const problem = totalsMismatch({ source: new Money('200'), exported: new Money('200000000'), skipped: new Money('0') });
    expect(problem).toContain('the grants exported add up to £200,000,000');
    expect(problem).toContain("but the register's amount column adds up to £200");
  });
});
