/**
 * The seed's tables copied verbatim (tab-separated, as they appear in
 * shared/seeds/000_5be5cdee322bf63c.txt, Appendix 1), so the tests check the workbook against the
 * published text rather than against the generator's own data files.
 */

export const lcpfBoroughs: readonly string[] = [
  'LCPF Allocation to Boroughs\tAllocation £m\tForecast £m\tVariance £m',
  'Barking and Dagenham\t0.5\t0.5\t0.0',
  'Barnet\t0.3\t0.3\t0.0',
  'Bexley\t0.2\t0.2\t0.0',
  'Brent\t0.5\t0.5\t0.0',
  'Bromley\t0.3\t0.3\t0.0',
  'Camden\t0.5\t0.5\t0.0',
  'Croydon\t0.6\t0.6\t0.0',
  'Ealing\t0.5\t0.5\t0.0',
  'Enfield\t0.5\t0.5\t0.0',
  'Greenwich\t0.5\t0.5\t0.0',
  'Hackney\t0.6\t0.6\t0.0',
  'Hammersmith and Fulham\t0.4\t0.4\t0.0',
  'Haringey\t0.6\t0.6\t0.0',
  'Harrow\t0.2\t0.2\t0.0',
  'Havering\t0.3\t0.3\t0.0',
  'Hillingdon\t0.4\t0.4\t0.0',
  'Hounslow\t0.4\t0.4\t0.0',
  'Islington\t0.5\t0.5\t0.0',
  'Kensington and Chelsea\t0.2\t0.2\t0.0',
  'Kingston upon Thames\t0.1\t0.1\t0.0',
  'Lambeth\t0.7\t0.7\t0.0',
  'Lewisham\t0.6\t0.6\t0.0',
  'Merton\t0.2\t0.2\t0.0',
  'Newham\t0.6\t0.6\t0.0',
  'Redbridge\t0.4\t0.4\t0.0',
  'Richmond upon Thames\t0.6\t0.6\t0.0',
  'Southwark\t0.2\t0.2\t0.0',
  'Sutton\t0.7\t0.7\t0.0',
  'Tower Hamlets\t0.5\t0.5\t0.0',
  'Waltham Forest\t0.3\t0.3\t0.0',
  'Wandsworth\t0.3\t0.3\t0.0',
  'Westminster\t0.6\t0.6\t0.0',
  'LCPF Re-profiling\t0.0\t-1.0\t-1.0',
  'Total\t13.4\t12.4\t-1.0',
];

export const coCommissioningFund: readonly string[] = [
  'LCPF Co-commissioning fund\tAllocation £m\tForecast £m\tVariance £m',
  'Out There Response and Rescue\t1.0\t1.0\t0.0',
  'Taith (Journey) London\t0.7\t0.7\t0.0',
  'Specialist Support to LGBT and Male Survivors of Sexual Violence\t0.3\t0.3\t0.0',
  'South London Alliance Female Offenders Service\t\t0.6\t0.0',
  'Advance Minerva Wrap Around Female Offenders Service\t1.0\t1.0\t0.0',
  'CCF set aside for VRU (£1.1m will be transferred to reserves to be re-profiled into year 2021)\t\t0.6\t-1.1',
  'Total\t5.3\t4.2\t-1.1',
];

export const youngLondonersFund: readonly string[] = [
  'Programme\t2019/20 Budget £m\t2019/20 Forecast £m\t2019/20 Variance £m',
  'London Gang Exit\t0.5\t0.5\t0',
  'Major Trauma Centre and A&E Youth Work\t0.64\t0.64\t0',
  'Total\t1.14\t1.14\t0',
];

export const policeTransformationFund: readonly string[] = [
  '\tHome Office\tMOPAC',
  'Project\t2019/20 Budget £m\t2019/20 Budget £m',
  'Child House\t0.0\t1.7',
  'Drive\t1.6\t1.0',
  'Multi-Agency Stalking Intervention Programme\t2.0\t0.0',
  'Police Training and Development\t0.3\t0.0',
  'Sexual Violence Triage\t0.5\t0.1',
  'Total\t4.4\t2.8',
];

export const earlyInterventionYouthFund: readonly string[] = [
  'Project\t2019/20 Budget £m\t2019/20 Forecast £m\t2019/20 Variance £m',
  'Pan London Rescue and Response County Lines project\t-0.36\t-0.36\t0.00',
  'Your Voice - Your Future\t-0.32\t-0.32\t0.00',
  'Harrow Borough\t-0.34\t-0.34\t0.00',
  'Breaking Barriers Southwark\t-0.31\t-0.31\t0.00',
  'Westminster, Kensington and Chelsea and Hammersmith & Fulham boroughs\t\t-0.34\t0.00',
  'Crime Prevention Pathway\t-0.33\t-0.33\t0.00',
  'Divert\t-0.32\t-0.32\t0.00',
  'Responsive Community Engagement Team\t-0.27\t-0.27\t0.00',
  'Camden Borough\t-0.15\t-0.15\t0.00',
  'Safe Haven projects in New Cross/Deptford\t\t-0.10\t0.00',
  'Total\t\t-2.84\t0.00',
];

export const vruExtensions: readonly string[] = [
  'MOPAC Service / Programme\tVRU Extension\t2019/20 Budget £m\t2020/21 Budget £m',
  "Children & Young People's\t<ul> <li>Provision of additional specialist support for young people affected by domestic violence</li> </ul>\t£0.35m\t£0.6m",
  'Victim Support Service\t<ul> <li>Additional support for young people bereaved by homicide (pilot working with MoJ commissioned national Homicide Service)</li> </ul>\t£0.4m\t£0.74m',
  'London Gang Exit\t<ul> <li>Provision of additional specialist mental health &amp; well-being support for young people involved in serious violence</li> </ul>\t£0.06m\t-',
  'Rape Crisis Centres\tParenting support for vulnerable women who are victims of sexual violence\t£0.2m\t-',
  'London Female Offender Services\t<ul> <li>Delivery of family focused programmes including advocacy and counselling services for women</li> </ul>\t£0.29m\t-',
  'Prison Pathfinder\t<ul> <li>Extension of pilot testing violence reduction initiatives in prison into an additional prison in London</li> </ul>\t£0.08m\t£0.2m',
  'Embedded Youth Work in MTCs & A&Es\t<ul> <li>Extension of embedded youth work provision in London Major Trauma Centres and A&amp;Es</li> </ul>\t£0.4m\t£1.1m',
  'Total\t\t£1.8m\t£2.6m',
];
